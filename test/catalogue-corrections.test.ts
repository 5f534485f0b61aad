/**
 * The 目录审核 workbook as a coordinating office fills it in: which rows count as corrections and
 * how (确认, 删除, 修改, 新增), each field read as typed (or refused naming the cell), and the
 * corrections applied to the seeds' catalogue — deleted, confirmed, edited, added from the text,
 * stale, or carried to a target whose id changed. Grids are written by hand (no .xlsx).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { refusalOf } from './helpers/refusal.js';
import type { Catalogue, Target } from '../src/core/model/catalogue.js';
import type { CellValue, WorkbookGrid } from '../src/core/model/grid.js';
import {
  REVIEW_COLUMNS,
  applyCorrections,
  parseDeadlineText,
  readCorrectionsGrid,
  type CatalogueCorrections,
  type TargetCorrection,
} from '../src/core/catalogue/corrections.js';
import { seedBuild } from './helpers/seeds.js';

const FILE = '目录审核.xlsx';

/** A 目录审核 sheet: a title row, the header row, then one row per record (by column name). */
function grid(rows: Record<string, CellValue>[], header: readonly string[] = REVIEW_COLUMNS): WorkbookGrid {
  return {
    sheets: [
      {
        name: '目录审核',
        state: 'visible',
        rows: [['目录审核表'], [...header], ...rows.map((r) => header.map((h) => r[h] ?? null))],
      },
    ],
  };
}

/** Excel letter of a review column (A = 编号). */
function letter(name: string): string {
  const i = REVIEW_COLUMNS.indexOf(name as (typeof REVIEW_COLUMNS)[number]);
  return String.fromCharCode(65 + (i % 26)).padStart(i >= 26 ? 2 : 1, 'A');
}

const refusal = (g: WorkbookGrid): string => refusalOf(() => readCorrectionsGrid(g, FILE));

describe('reading the 目录审核 sheet', () => {
  it('refuses a workbook without the sheet or without its header', () => {
    expect(refusal({ sheets: [{ name: 'Sheet1', state: 'visible', rows: [] }] })).toBe(
      'no-review-sheet 目录审核.xlsx 中没有名为“目录审核”的工作表，请使用 luoshi catalogue review 生成的目录审核表',
    );
    expect(refusal(grid([], ['编号', '文件']))).toBe(
      'no-review-header 目录审核.xlsx 的“目录审核”工作表缺少表头（编号、处理等列），无法读取修正',
    );
  });

  it('reads the action from 处理 and whether any 改为… cell is filled', () => {
    const read = readCorrectionsGrid(
      grid([
        { 编号: 'T0' },
        { 编号: 'T1', 处理: '确认' },
        { 编号: 'T2', 处理: '确认', 改为目标值: '12' },
        { 编号: 'T3', 处理: '修改', 改为单位: '个' },
        { 编号: 'T4', 改为期限: '2026' },
        { 编号: 'T5', 处理: '删除', 备注: '重复' },
        { 编号: 'T6', 处理: '新增', 改为每年: '是' },
        {},
      ]),
      FILE,
    );
    expect(read.source).toBe(FILE);
    expect(read.corrections).toEqual([
      { row: 4, action: 'confirm', targetId: 'T1', fields: {} },
      { row: 5, action: 'edit', targetId: 'T2', fields: { value: 12 } },
      { row: 6, action: 'edit', targetId: 'T3', fields: { unit: '个' } },
      { row: 7, action: 'edit', targetId: 'T4', fields: { deadline: '2026' } },
      { row: 8, action: 'delete', targetId: 'T5', fields: {}, note: '重复' },
      { row: 9, action: 'edit', targetId: 'T6', fields: { perYear: true } },
    ]);
  });

  it('refuses an action not in the list, naming the 处理 cell', () => {
    expect(refusal(grid([{ 编号: 'T1', 处理: '保留' }]))).toBe(
      `bad-correction 目录审核.xlsx 工作表“目录审核”单元格 ${letter('处理')}3：“保留”不是有效的处理方式，请从列表中选择 确认/删除/修改/新增`,
    );
  });

  it('reads each 改为… field as typed', () => {
    const [c] = readCorrectionsGrid(
      grid([
        {
          编号: 'T1',
          处理: '修改',
          原文: '到2025年，新建基站1200个。',
          改为指标: '新建基站',
          改为简称: '基站',
          改为比较: '不低于',
          改为目标值: '１,200',
          改为上限: '无',
          改为单位: '—',
          改为指标类型: '总量',
          改为期限: '2025年底前',
          改为每年: '否',
          改为牵头单位: '省工信厅、省通信管理局',
          改为参与单位: '各市（州）政府，长白山管委会',
        },
      ]),
      FILE,
    ).corrections;
    expect(c).toEqual({
      row: 3,
      action: 'edit',
      targetId: 'T1',
      quote: '到2025年，新建基站1200个。',
      fields: {
        indicator: '新建基站',
        name: '基站',
        comparator: '>=',
        value: 1200,
        valueMax: null,
        unit: null,
        kind: 'total',
        deadline: '2025',
        perYear: false,
        lead: ['省工信厅', '省通信管理局'],
        participants: ['各市（州）政府', '长白山管委会'],
      },
    });
  });

  it('reads 30% as 30 and ignores the parsed columns of an existing target', () => {
    const [c] = readCorrectionsGrid(
      grid([{ 编号: 'T1', 处理: '修改', 目标值: '99', 改为目标值: '30%' }]),
      FILE,
    ).corrections;
    expect(c.fields).toEqual({ value: 30 });
  });

  it('refuses a field it cannot read, naming the 改为… cell it came from', () => {
    const bad = (field: string, text: string) =>
      refusal(grid([{ 编号: 'T1', 处理: '修改', [`改为${field}`]: text }]));
    const cell = (field: string) => `${letter(`改为${field}`)}3`;
    expect(bad('比较', '大约')).toBe(
      `bad-correction 目录审核.xlsx 工作表“目录审核”单元格 ${cell('比较')}：“大约”不是有效的比较方式（可填 ≥ > ≤ < = ≈ 区间 节点）`,
    );
    expect(bad('目标值', '一千')).toBe(
      `bad-correction 目录审核.xlsx 工作表“目录审核”单元格 ${cell('目标值')}：“一千”不是数字`,
    );
    expect(bad('上限', '很多')).toMatch(new RegExp(`单元格 ${cell('上限')}：“很多”不是数字$`));
    expect(bad('指标类型', '金额')).toBe(
      `bad-correction 目录审核.xlsx 工作表“目录审核”单元格 ${cell('指标类型')}：“金额”不是有效的指标类型（可填 总量 比率 人均 时长 节点）`,
    );
    expect(bad('期限', '尽快')).toMatch(/：“尽快”不是有效的期限（例如 2020 或 2019-06）$/);
    expect(bad('每年', '有时')).toMatch(/：“有时”应填“是”或“否”$/);
  });

  it('reads a new target from the main columns, 改为… overriding them, and wants 文件 and 原文', () => {
    const [c] = readCorrectionsGrid(
      grid([
        {
          文件: '吉政发〔2023〕5号',
          原文: '新建基站1200个',
          指标: '新建基站',
          比较: '≥',
          目标值: '1000',
          改为目标值: '1200',
          单位: '个',
          处理: '新增',
        },
      ]),
      FILE,
    ).corrections;
    expect(c).toEqual({
      row: 3,
      action: 'add',
      targetId: null,
      document: '吉政发〔2023〕5号',
      quote: '新建基站1200个',
      fields: { indicator: '新建基站', comparator: '>=', value: 1200, unit: '个' },
    });
    expect(refusal(grid([{ 原文: '新建基站1200个' }]))).toBe(
      `bad-correction 目录审核.xlsx 工作表“目录审核”单元格 ${letter('文件')}3：新增指标必须填写“文件”（发文字号或文件标题）`,
    );
    expect(refusal(grid([{ 文件: '甲', 处理: '新增' }]))).toBe(
      `bad-correction 目录审核.xlsx 工作表“目录审核”单元格 ${letter('原文')}3：新增指标必须填写“原文”（从政策文件中原样复制的句子）`,
    );
  });

  it('reads a 期限 as a year or a year-month', () => {
    expect(parseDeadlineText('')).toBeUndefined();
    expect(parseDeadlineText('不限')).toBeNull();
    expect(parseDeadlineText('2020')).toBe('2020');
    expect(parseDeadlineText('2020年')).toBe('2020');
    expect(parseDeadlineText('2019-6')).toBe('2019-06');
    expect(parseDeadlineText('2019年6月底前')).toBe('2019-06');
    expect(parseDeadlineText('2019.06.30')).toBe('2019-06');
    expect(parseDeadlineText('２０２５年末')).toBe('2025');
    expect(parseDeadlineText('明年')).toBe('invalid');
  });
});

describe('applying corrections to the seeds’ catalogue', () => {
  let catalogue: Catalogue;
  let texts: Map<string, string>;

  beforeAll(() => {
    const built = seedBuild();
    catalogue = built.catalogue;
    texts = built.texts;
  });

  const apply = (corrections: TargetCorrection[]) =>
    applyCorrections(catalogue, { source: FILE, corrections } satisfies CatalogueCorrections, texts);
  const numericTarget = () => {
    const t = catalogue.targets.find((x) => x.comparator === '>=' && x.value !== null);
    if (!t) throw new Error('the seeds have no ≥ target');
    return t;
  };

  it('deletes a target and keeps it in deletedTargets; confirms another as it is', () => {
    const [a, b] = catalogue.targets;
    const r = apply([
      { row: 3, action: 'delete', targetId: a.id, fields: {} },
      { row: 4, action: 'confirm', targetId: b.id, fields: {} },
    ]);
    expect(r.applied).toBe(2);
    expect(r.catalogue.targets.some((t) => t.id === a.id)).toBe(false);
    expect(r.catalogue.targets).toHaveLength(catalogue.targets.length - 1);
    expect(r.catalogue.deletedTargets).toEqual([
      { id: a.id, documentId: a.documentId, quote: a.quote, indicator: a.indicator },
    ]);
    const confirmed = r.catalogue.targets.find((t) => t.id === b.id);
    expect(confirmed).toMatchObject({
      corrected: 'confirmed',
      value: b.value,
      comparator: b.comparator,
      quote: b.quote,
    });
    expect(r.stale).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('edits figures: a milestone drops its values, only a range keeps an upper bound, units rescale', () => {
    const t = numericTarget();
    const edit = (fields: TargetCorrection['fields']): Target => {
      const found = apply([{ row: 3, action: 'edit', targetId: t.id, fields }]).catalogue.targets.find(
        (x) => x.id === t.id,
      );
      if (!found) throw new Error('lost the target');
      return found;
    };
    expect(edit({ value: 12, valueMax: 20 })).toMatchObject({
      value: 12,
      valueMax: null,
      corrected: 'edited',
    });
    expect(edit({ comparator: 'range', value: 12, valueMax: 20 })).toMatchObject({ value: 12, valueMax: 20 });
    expect(edit({ comparator: 'milestone' })).toMatchObject({
      comparator: 'milestone',
      value: null,
      valueMax: null,
    });
    expect(edit({ value: 3, unit: '万人' })).toMatchObject({
      value: 3,
      unit: '万人',
      normalizedValue: 30000,
      baseUnit: '人',
    });
    expect(edit({ kind: 'rate' }).kind).toBe('rate');
    expect(edit({ value: 5 }).kind).toBeUndefined();
    // the short name is made again from the new indicator, not kept from the old one
    const renamed = edit({ indicator: '新的指标名称' });
    expect(renamed.indicator).toBe('新的指标名称');
    expect(renamed.name).toContain('新的指标名称');
    expect(edit({ indicator: '新的指标名称', name: '简称' }).name).toBe('简称');
    expect(edit({ lead: ['甲厅'], participants: ['乙局'], perYear: true, deadline: '2027' })).toMatchObject({
      lead: ['甲厅'],
      participants: ['乙局'],
      perYear: true,
      deadline: '2027',
    });
  });

  it('ignores a later correction of a target deleted earlier in the same workbook', () => {
    const t = numericTarget();
    const r = apply([
      { row: 3, action: 'delete', targetId: t.id, fields: {} },
      { row: 4, action: 'edit', targetId: t.id, fields: { value: 1 } },
    ]);
    expect(r.applied).toBe(1);
    expect(r.catalogue.targets.some((x) => x.id === t.id)).toBe(false);
  });

  it('sets aside a correction whose target is gone, and carries one whose id changed by its quote', () => {
    const t = numericTarget();
    const stale = apply([{ row: 5, action: 'edit', targetId: 'no-such-id', fields: { value: 1 } }]);
    expect(stale.stale.map((c) => c.row)).toEqual([5]);
    expect(stale.applied).toBe(0);
    // an id under the same heading (its document/section part) whose hash changed
    const oldId = `${t.id.slice(0, t.id.lastIndexOf('/'))}/Mdeadbeef`;
    const moved = apply([{ row: 6, action: 'edit', targetId: oldId, quote: t.quote, fields: { value: 7 } }]);
    expect(moved.matched).toEqual([expect.objectContaining({ oldId, newId: t.id, row: 6 })]);
    expect(moved.catalogue.targets.find((x) => x.id === t.id)?.value).toBe(7);
    expect(moved.warnings).toHaveLength(1);
    const [head, tail] = moved.warnings[0].split(/相似度 \d+%/);
    expect(head).toBe(`目录审核.xlsx 第 6 行：编号 ${oldId} 在重新生成的目录中已不存在，按原文相似（`);
    expect(tail).toBe(`）对应到同一章节的新编号 ${t.id}，修正已应用于该指标`);
  });

  it('adds a target quoted from the text (spaces and widths aside), under the task that holds it', () => {
    const doc = catalogue.documents[0];
    const text = texts.get(doc.id) ?? '';
    const task = catalogue.tasks.find(
      (k) => k.documentId === doc.id && k.origin === 'text' && k.text.length > 20,
    );
    if (!task) throw new Error('the first seed has no task');
    // twelve characters of the task's text with no space among them
    let at = task.offset;
    while (/\s/.test(text.slice(at, at + 12))) at++;
    const quote = text.slice(at, at + 12);
    // the task that holds the quote: the last one of the document starting before it
    const holder = catalogue.tasks
      .filter((k) => k.documentId === doc.id && k.origin === 'text' && k.offset <= at)
      .reduce((a, b) => (b.offset > a.offset ? b : a));
    const spaced = [...quote].join(' ');
    const r = apply([
      {
        row: 9,
        action: 'add',
        targetId: null,
        document: doc.docNumber ?? doc.title,
        quote: spaced,
        fields: { indicator: '新增的指标', value: 8, unit: '个' },
      },
      {
        row: 10,
        action: 'add',
        targetId: null,
        document: doc.title,
        quote: '原文里没有的一句话',
        fields: {},
      },
      { row: 11, action: 'add', targetId: null, document: '不存在的文件', quote, fields: {} },
    ]);
    const added = r.catalogue.targets.filter((t) => t.corrected === 'added');
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      documentId: doc.id,
      quote,
      indicator: '新增的指标',
      comparator: '=',
      value: 8,
      unit: '个',
      offset: at,
      taskId: holder.id,
      path: holder.path,
      lead: holder.lead,
    });
    expect(r.applied).toBe(1);
    expect(r.warnings).toEqual([
      `目录审核.xlsx 第 10 行：新增指标的“原文”在《${doc.title}》中找不到（须从原文中原样复制），已跳过`,
      '目录审核.xlsx 第 11 行：新增指标的“文件”为“不存在的文件”，在目录中找不到这份文件，已跳过',
    ]);
    expect(added[0].perYear).toBe(false);
    expect(added[0].corrected).toBe('added');
    // the 文件 may also be given by its file name
    const byFile = apply([
      { row: 9, action: 'add', targetId: null, document: doc.source, quote, fields: {} },
    ]);
    expect(byFile.catalogue.targets.filter((t) => t.corrected === 'added').map((t) => t.documentId)).toEqual([
      doc.id,
    ]);
    // without a value an added target is a milestone
    const milestone = apply([{ row: 9, action: 'add', targetId: null, document: doc.id, quote, fields: {} }]);
    expect(milestone.catalogue.targets.find((t) => t.corrected === 'added')?.comparator).toBe('milestone');
  });
});
