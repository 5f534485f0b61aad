/**
 * Corrections made by the coordinating office in the 目录审核 workbook, applied by
 * target id on every rebuild. Pure: the workbook is read into CatalogueCorrections by
 * src/xlsx/catalogue-review.ts (or from a WorkbookGrid by readCorrectionsGrid).
 */
import type { Catalogue, Comparator, DeletedTarget, IndicatorKind, Target } from '../model/catalogue.js';
import type { CellValue, WorkbookGrid } from '../model/grid.js';
import { LuoshiError } from '../errors.js';
import { COMPARATOR_LABEL, parseComparator } from './format.js';
import { normaliseUnit } from './targets.js';
import { contentHash, IdAllocator, pathKey } from './ids.js';
import { splitUnits } from './responsibility.js';
import { halfWidth } from './text.js';
import { matchByContent, type IdMatch } from './match.js';
import { shortName } from './name.js';
import { deriveKind, KIND_NAMES, kindFromName } from './kind.js';
import { columnLetter } from '../workbook/a1.js';

export type CorrectionAction = 'confirm' | 'delete' | 'edit' | 'add';

/** Field changes; undefined = keep the parsed value. */
export interface TargetFields {
  indicator?: string;
  /** Short name (简称); when only the indicator changes, the name is derived again from it. */
  name?: string;
  comparator?: Comparator;
  value?: number | null;
  valueMax?: number | null;
  unit?: string | null;
  /** What the target measures (指标类型); when absent the kind is derived again from the corrected target. */
  kind?: IndicatorKind;
  deadline?: string | null;
  perYear?: boolean;
  lead?: string[];
  participants?: string[];
}

export interface TargetCorrection {
  /** Workbook row (1-based) for messages. */
  row: number;
  action: CorrectionAction;
  /** The target corrected; null for an added target. */
  targetId: string | null;
  /** For added targets: 文件 (document id, 发文字号, title or file name). */
  document?: string;
  /** 原文: the quote of an added target, or the quote the corrected target had when reviewed. */
  quote?: string;
  fields: TargetFields;
  note?: string;
}

export interface CatalogueCorrections {
  /** File the corrections came from (for messages). */
  source: string;
  corrections: TargetCorrection[];
}

export interface CorrectionsResult {
  catalogue: Catalogue;
  applied: number;
  /** Corrections whose target no longer exists in the rebuilt catalogue. */
  stale: TargetCorrection[];
  /** Corrections whose id vanished, carried to the new target with the most similar quote. */
  matched: (IdMatch & { row: number })[];
  warnings: string[];
}

/** Sheet and column names of the 目录审核 workbook (shared by writer and reader). */
export const REVIEW_SHEET = '目录审核';
/** The parsed fields a reviewer may correct; each has a 改为… column beside the sheet's own. */
export const CORRECTABLE_FIELDS = [
  '指标',
  '简称',
  '比较',
  '目标值',
  '上限',
  '单位',
  '指标类型',
  '期限',
  '每年',
  '牵头单位',
  '参与单位',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];
const CORRECTION_COLUMNS = CORRECTABLE_FIELDS.map((f): `改为${CorrectableField}` => `改为${f}`);
export const REVIEW_COLUMNS = [
  '编号',
  '文件',
  '章节',
  '原文',
  ...CORRECTABLE_FIELDS,
  '处理',
  ...CORRECTION_COLUMNS,
  '备注',
] as const;
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];
export const REVIEW_ACTIONS = ['确认', '删除', '修改', '新增'] as const;

/**
 * A target's correctable fields as a reviewer reads and writes them (the sheet's own columns; what the
 * web page's edit form starts from). Writing a value back unchanged leaves the target as it is.
 */
export function correctableText(t: Target): Record<CorrectableField, string> {
  return {
    指标: t.indicator,
    简称: t.name ?? '',
    比较: COMPARATOR_LABEL[t.comparator],
    目标值: t.value === null ? '' : String(t.value),
    上限: t.valueMax === null ? '' : String(t.valueMax),
    单位: t.unit ?? '',
    指标类型: KIND_NAMES[t.kind ?? deriveKind({ ...t, indicator: t.quote })],
    期限: t.deadline ?? '',
    每年: t.perYear ? '是' : '否',
    牵头单位: t.lead.join('、'),
    参与单位: t.participants.join('、'),
  };
}

function findPosition(haystack: string, needle: string): { start: number; end: number } | null {
  const exact = haystack.indexOf(needle);
  if (exact >= 0) return { start: exact, end: exact + needle.length };
  // whitespace- and width-insensitive search, mapped back to the original offsets
  const map: number[] = [];
  let squeezed = '';
  const hw = halfWidth(haystack);
  for (let i = 0; i < hw.length; i++) {
    if (/\s/.test(hw[i])) continue;
    squeezed += hw[i];
    map.push(i);
  }
  const n = halfWidth(needle).replace(/\s+/g, '');
  if (!n) return null;
  const at = squeezed.indexOf(n);
  if (at < 0) return null;
  return { start: map[at], end: map[at + n.length - 1] + 1 };
}

function applyFields(t: Target, f: TargetFields): Target {
  const out: Target = { ...t };
  if (f.indicator !== undefined) out.indicator = f.indicator;
  if (f.name !== undefined) out.name = f.name;
  else if (f.indicator !== undefined || out.name === undefined) out.name = shortName(out);
  if (f.comparator !== undefined) out.comparator = f.comparator;
  if (f.value !== undefined) out.value = f.value;
  if (f.valueMax !== undefined) out.valueMax = f.valueMax;
  if (f.unit !== undefined) out.unit = f.unit;
  // A corrected kind is kept; any other change lets the catalogue derive the kind again (src/core/catalogue/kind.ts).
  if (f.kind !== undefined) out.kind = f.kind;
  else if (Object.keys(f).length) delete out.kind;
  if (f.deadline !== undefined) out.deadline = f.deadline;
  if (f.perYear !== undefined) out.perYear = f.perYear;
  if (f.lead !== undefined) out.lead = f.lead;
  if (f.participants !== undefined) out.participants = f.participants;
  if (out.comparator === 'milestone') {
    out.value = null;
    out.valueMax = null;
  }
  if (out.comparator !== 'range') out.valueMax = null;
  const n = normaliseUnit(out.unit, out.value);
  out.normalizedValue = n.normalizedValue;
  out.baseUnit = n.baseUnit;
  return out;
}

/**
 * Apply corrections to a freshly built catalogue. `texts` maps document id → decoded
 * text, so an added target's 原文 can be located (its quote must be an exact substring).
 */
export function applyCorrections(
  catalogue: Catalogue,
  corrections: CatalogueCorrections,
  texts: ReadonlyMap<string, string>,
): CorrectionsResult {
  const warnings: string[] = [];
  const stale: TargetCorrection[] = [];
  let applied = 0;
  const byId = new Map(catalogue.targets.map((t, i) => [t.id, i] as const));
  const moved = movedIds(catalogue.targets, corrections.corrections, byId);
  const matched: CorrectionsResult['matched'] = [];
  const targets: (Target | null)[] = [...catalogue.targets];
  const added: Target[] = [];
  const deleted: DeletedTarget[] = [];
  const addedIds = new IdAllocator();
  for (const c of corrections.corrections) {
    const where = `${corrections.source} 第 ${c.row} 行`;
    if (c.action === 'add') {
      const ref = (c.document ?? '').trim();
      const doc = catalogue.documents.find(
        (d) =>
          d.id === ref ||
          d.docNumber === ref ||
          d.title === ref ||
          d.source === ref ||
          (ref && d.title.includes(ref)),
      );
      if (!doc) {
        warnings.push(`${where}：新增指标的“文件”为“${ref}”，在目录中找不到这份文件，已跳过`);
        continue;
      }
      const text = texts.get(doc.id) ?? '';
      const pos = c.quote ? findPosition(text, c.quote) : null;
      if (!pos) {
        warnings.push(`${where}：新增指标的“原文”在《${doc.title}》中找不到（须从原文中原样复制），已跳过`);
        continue;
      }
      const quote = text.slice(pos.start, pos.end);
      // the task whose text holds the quote: the last task starting before it
      const task = catalogue.tasks
        .filter((k) => k.documentId === doc.id && k.offset <= pos.start && k.origin === 'text')
        .sort((a, b) => b.offset - a.offset)[0];
      const path = task?.path ?? [];
      const base: Target = {
        id: addedIds.allocate(
          `${doc.id}/${pathKey(path)}/A${contentHash(`${quote}|${c.fields.indicator ?? ''}|${c.fields.value ?? ''}`)}`,
        ),
        documentId: doc.id,
        taskId: task?.id ?? null,
        path,
        quote,
        indicator: c.fields.indicator ?? '',
        comparator:
          c.fields.comparator ??
          (c.fields.value === undefined || c.fields.value === null ? 'milestone' : '='),
        value: null,
        valueMax: null,
        unit: null,
        normalizedValue: null,
        baseUnit: null,
        deadline: null,
        perYear: false,
        perUnit: null,
        linked: [],
        lead: task ? [...task.lead] : [],
        participants: task ? [...task.participants] : [],
        offset: pos.start,
      };
      added.push({ ...applyFields(base, c.fields), corrected: 'added' });
      applied++;
      continue;
    }
    const move = c.targetId && !byId.has(c.targetId) ? moved.get(c.targetId) : undefined;
    const index = move ? byId.get(move.newId) : c.targetId ? byId.get(c.targetId) : undefined;
    if (index === undefined) {
      stale.push(c);
      continue;
    }
    if (move) {
      matched.push({ ...move, row: c.row });
      warnings.push(
        `${where}：编号 ${move.oldId} 在重新生成的目录中已不存在，按原文相似（相似度 ${Math.round(move.similarity * 100)}%）对应到同一章节的新编号 ${move.newId}，修正已应用于该指标`,
      );
    }
    const current = targets[index];
    if (!current) continue;
    if (c.action === 'delete') {
      deleted.push({
        id: current.id,
        documentId: current.documentId,
        quote: current.quote,
        indicator: current.indicator,
      });
      targets[index] = null;
    } else if (c.action === 'confirm')
      targets[index] = { ...applyFields(current, c.fields), corrected: 'confirmed' };
    else targets[index] = { ...applyFields(current, c.fields), corrected: 'edited' };
    applied++;
  }
  const kept = targets.filter((t): t is Target => t !== null);
  const keptIds = new Set(kept.map((t) => t.id));
  const all = [...kept, ...added]
    .map((t) => ({ ...t, linked: t.linked.filter((id) => keptIds.has(id)) }))
    .sort((a, b) => {
      const da = catalogue.documents.findIndex((d) => d.id === a.documentId);
      const db = catalogue.documents.findIndex((d) => d.id === b.documentId);
      return da - db || a.offset - b.offset;
    });
  const out: Catalogue = { ...catalogue, targets: all };
  // a stored catalogue corrected again keeps the targets dropped by earlier corrections
  if (deleted.length) out.deletedTargets = [...(catalogue.deletedTargets ?? []), ...deleted];
  return { catalogue: out, applied, stale, matched, warnings };
}

/**
 * Corrections naming an id the rebuilt catalogue lacks, matched by quote to targets no correction
 * names (old id → match).
 */
function movedIds(
  targets: readonly Target[],
  corrections: readonly TargetCorrection[],
  byId: ReadonlyMap<string, number>,
): Map<string, IdMatch> {
  const named = new Set(corrections.map((c) => c.targetId).filter((id): id is string => !!id));
  const old = corrections
    .filter((c) => c.action !== 'add' && c.targetId && !byId.has(c.targetId) && c.quote)
    .map((c) => ({ id: c.targetId!, quote: c.quote! }));
  if (!old.length) return new Map();
  const fresh = targets.filter((t) => !named.has(t.id));
  return new Map(matchByContent(old, fresh).map((m) => [m.oldId, m] as const));
}

// ---------------------------------------------------------------------------------------------
// Reading the 目录审核 sheet from a WorkbookGrid (pure; the exceljs host converts to a grid).

function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

export function parseDeadlineText(s: string): string | null | undefined {
  const t = halfWidth(s).replace(/\s+/g, '');
  if (!t) return undefined;
  if (/^(无|不限|—|-)$/.test(t)) return null;
  let m = t.match(/^(\d{4})(?:年)?$/);
  if (m) return m[1];
  // the day may follow 月 directly ("2019年6月30日") or a separator ("2019-06-30")
  m = t.match(/^(\d{4})[-./年](\d{1,2})(?:月)?(?:[-./]\d{1,2}日?|(?<=月)\d{1,2}日)?(?:底|末)?(?:前)?$/);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}`;
  m = t.match(/^(\d{4})年?(?:底|末)?(?:前)?$/);
  if (m) return m[1];
  return 'invalid';
}

/**
 * Read corrections from the 目录审核 sheet. Throws LuoshiError (naming file, sheet and cell)
 * when the sheet is missing or a filled cell cannot be read.
 */
export function readCorrectionsGrid(grid: WorkbookGrid, file: string): CatalogueCorrections {
  const sheet = grid.sheets.find((s) => s.name === REVIEW_SHEET);
  if (!sheet) {
    throw new LuoshiError(
      'no-review-sheet',
      `${file} 中没有名为“${REVIEW_SHEET}”的工作表，请使用 luoshi catalogue review 生成的目录审核表`,
      { file },
    );
  }
  const headerRow = sheet.rows.findIndex(
    (r) => r.some((v) => cellText(v) === '编号') && r.some((v) => cellText(v) === '处理'),
  );
  if (headerRow < 0) {
    throw new LuoshiError(
      'no-review-header',
      `${file} 的“${REVIEW_SHEET}”工作表缺少表头（编号、处理等列），无法读取修正`,
      { file, sheet: REVIEW_SHEET },
    );
  }
  const cols = new Map<string, number>();
  sheet.rows[headerRow].forEach((v, i) => {
    const t = cellText(v);
    if (t && !cols.has(t)) cols.set(t, i);
  });
  const fail = (r: number, col: string, msg: string): never => {
    const cell = `${columnLetter(cols.get(col) ?? 0)}${r + 1}`;
    throw new LuoshiError('bad-correction', `${file} 工作表“${REVIEW_SHEET}”单元格 ${cell}：${msg}`, {
      file,
      sheet: REVIEW_SHEET,
      cell,
    });
  };
  const corrections: TargetCorrection[] = [];
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const get = (name: string) => {
      const i = cols.get(name);
      return i === undefined ? '' : cellText(row[i]);
    };
    const id = get('编号');
    const actionText = get('处理');
    const changed = (name: string) => get(`改为${name}`);
    const anyChange = CORRECTABLE_FIELDS.some((n) => changed(n));
    const isAdd = !id && (get('原文') || actionText === '新增');
    if (!id && !isAdd) continue;
    if (id && !actionText && !anyChange) continue;
    let action: CorrectionAction;
    if (isAdd) action = 'add';
    else if (actionText === '删除') action = 'delete';
    else if (actionText === '确认' && !anyChange) action = 'confirm';
    else if (actionText === '确认' || actionText === '修改' || !actionText) action = 'edit';
    else if (actionText === '新增') action = 'edit';
    else fail(r, '处理', `“${actionText}”不是有效的处理方式，请从列表中选择 确认/删除/修改/新增`);
    const fields: TargetFields = {};
    // for an added row the main columns hold the values; "改为…" columns override them
    const pick = (name: string) => changed(name) || (isAdd ? get(name) : '');
    const pickCol = (name: string) => (changed(name) ? `改为${name}` : name);
    const ind = pick('指标');
    if (ind) fields.indicator = ind;
    const short = pick('简称');
    if (short) fields.name = short;
    const cmp = pick('比较');
    if (cmp) {
      const c = parseComparator(cmp);
      if (!c) fail(r, pickCol('比较'), `“${cmp}”不是有效的比较方式（可填 ≥ > ≤ < = ≈ 区间 节点）`);
      fields.comparator = c!;
    }
    const numberField = (name: string): number | null | undefined => {
      const s = pick(name);
      if (!s) return undefined;
      if (/^(无|—|-)$/.test(s)) return null;
      const n = Number(
        halfWidth(s)
          .replace(/[,，\s]/g, '')
          .replace(/%$/, ''),
      );
      if (!Number.isFinite(n)) fail(r, pickCol(name), `“${s}”不是数字`);
      return n;
    };
    const v = numberField('目标值');
    if (v !== undefined) fields.value = v;
    const vmax = numberField('上限');
    if (vmax !== undefined) fields.valueMax = vmax;
    const unit = pick('单位');
    if (unit) fields.unit = /^(无|—|-)$/.test(unit) ? null : unit;
    const kd = pick('指标类型');
    if (kd) {
      const k = kindFromName(kd);
      if (!k)
        fail(
          r,
          pickCol('指标类型'),
          `“${kd}”不是有效的指标类型（可填 ${Object.values(KIND_NAMES).join(' ')}）`,
        );
      fields.kind = k!;
    }
    const dl = pick('期限');
    if (dl) {
      const d = parseDeadlineText(dl);
      if (d === 'invalid') fail(r, pickCol('期限'), `“${dl}”不是有效的期限（例如 2020 或 2019-06）`);
      if (d !== undefined) fields.deadline = d;
    }
    const py = pick('每年');
    if (py) {
      if (/^(是|每年|Y|y|yes|true|√)$/.test(py)) fields.perYear = true;
      else if (/^(否|N|n|no|false|×)$/.test(py)) fields.perYear = false;
      else fail(r, pickCol('每年'), `“${py}”应填“是”或“否”`);
    }
    const lead = pick('牵头单位');
    if (lead) fields.lead = splitUnits(lead);
    const part = pick('参与单位');
    if (part) fields.participants = splitUnits(part);
    const c: TargetCorrection = { row: r + 1, action: action!, targetId: id || null, fields };
    const quote = get('原文');
    if (quote) c.quote = quote;
    if (isAdd) {
      c.document = get('文件');
      if (!c.document) fail(r, '文件', '新增指标必须填写“文件”（发文字号或文件标题）');
      if (!c.quote) fail(r, '原文', '新增指标必须填写“原文”（从政策文件中原样复制的句子）');
    }
    const note = get('备注');
    if (note) c.note = note;
    corrections.push(c);
  }
  return { source: file, corrections };
}
