/**
 * Policy texts → Catalogue. The public entry of the catalogue core (pure: bytes in, data out).
 */
import { deriveKind } from './kind.js';
import { CATALOGUE_FORMAT, CATALOGUE_FORMAT_VERSION, type Catalogue } from '../model/catalogue.js';
import { isLuoshiError, LuoshiError } from '../errors.js';
import { decodeText } from '../text/decode.js';
import { parseDocument, type ParsedDocument } from './parse.js';
import {
  applyCorrections,
  type CatalogueCorrections,
  type CorrectionsResult,
  type TargetCorrection,
} from './corrections.js';
import { catalogueVersion } from './version.js';

export type {
  CatalogueCorrections,
  TargetCorrection,
  TargetFields,
  CorrectionAction,
  CorrectionsResult,
} from './corrections.js';
export {
  applyCorrections,
  readCorrectionsGrid,
  REVIEW_SHEET,
  REVIEW_COLUMNS,
  CORRECTABLE_FIELDS,
  REVIEW_ACTIONS,
} from './corrections.js';
export { formatTargetValue, formatDeadline, COMPARATOR_LABEL, parseComparator } from './format.js';
export { parseCatalogueJson } from './schema.js';
export { catalogueVersion } from './version.js';

export interface CatalogueSource {
  name: string;
  bytes: Uint8Array;
  /** Text already read from a .docx, .pdf or .html by the host; when absent the bytes are decoded as text. */
  text?: string;
}

export interface BuildOptions {
  corrections?: CatalogueCorrections;
}

export interface BuildResult {
  catalogue: Catalogue;
  /** Chinese messages: files skipped, corrections skipped or stale. */
  warnings: string[];
  /** Number of corrections applied (0 without corrections). */
  correctionsApplied: number;
  /** Corrections whose target id no longer exists. */
  staleCorrections: TargetCorrection[];
  /** Decoded text per document id (for quotes and added targets). */
  texts: Map<string, string>;
}

function baseName(name: string): string {
  const parts = name.split(/[\\/]/);
  return parts[parts.length - 1] ?? name;
}

/** Parse decoded texts (already Unicode). Exposed for tests and the add-in. */
export function buildFromTexts(
  docs: { name: string; text: string }[],
  options: BuildOptions = {},
): BuildResult {
  const warnings: string[] = [];
  const parsed: ParsedDocument[] = [];
  const errors: LuoshiError[] = [];
  for (const d of docs) {
    try {
      parsed.push(parseDocument(d.text, baseName(d.name)));
    } catch (e) {
      if (!isLuoshiError(e)) throw e;
      errors.push(e);
    }
  }
  return assemble(parsed, errors, warnings, options);
}

function assemble(
  parsed: ParsedDocument[],
  errors: LuoshiError[],
  warnings: string[],
  options: BuildOptions,
): BuildResult {
  if (!parsed.length) {
    if (errors.length === 1) throw errors[0];
    if (!errors.length) throw new LuoshiError('no-input', '没有提供任何政策文件，无法生成目录');
    throw new LuoshiError(
      'nothing-built',
      `所有文件都无法读取，未生成目录：\n${errors.map((e) => `  - ${e.message}`).join('\n')}`,
    );
  }
  for (const e of errors) warnings.push(`已跳过：${e.message}`);
  for (const p of parsed) warnings.push(...p.warnings);
  // two documents with the same id (e.g. the same file twice) get a suffix so ids stay unique
  const seen = new Map<string, number>();
  for (const p of parsed) {
    const n = (seen.get(p.document.id) ?? 0) + 1;
    seen.set(p.document.id, n);
    if (n > 1) {
      const id = `${p.document.id}~${n}`;
      warnings.push(
        `${p.document.source} 与前面的文件发文字号相同（${p.document.docNumber ?? p.document.title}），编号加后缀 ~${n}`,
      );
      const re = (s: string) => id + s.slice(p.document.id.length);
      p.headings = p.headings.map((h) => ({ ...h, id: re(h.id), documentId: id }));
      p.tasks = p.tasks.map((t) => ({ ...t, id: re(t.id), documentId: id }));
      p.targets = p.targets.map((t) => ({
        ...t,
        id: re(t.id),
        documentId: id,
        taskId: t.taskId ? re(t.taskId) : null,
        linked: t.linked.map(re),
      }));
      p.document = { ...p.document, id };
    }
  }
  const texts = new Map(parsed.map((p) => [p.document.id, p.text] as const));
  let catalogue: Catalogue = {
    format: CATALOGUE_FORMAT,
    formatVersion: CATALOGUE_FORMAT_VERSION,
    version: '',
    documents: parsed.map((p) => p.document),
    headings: parsed.flatMap((p) => p.headings),
    tasks: parsed.flatMap((p) => p.tasks),
    targets: parsed.flatMap((p) => p.targets),
  };
  let correctionsApplied = 0;
  let staleCorrections: TargetCorrection[] = [];
  if (options.corrections) {
    const r = applyCorrections(catalogue, options.corrections, texts);
    catalogue = r.catalogue;
    correctionsApplied = r.applied;
    staleCorrections = r.stale;
    warnings.push(...r.warnings);
    for (const s of r.stale) {
      warnings.push(
        `${options.corrections.source} 第 ${s.row} 行：编号 ${s.targetId} 的指标在重新生成的目录中已不存在（原文可能已修改），该修正未应用`,
      );
    }
  }
  return { catalogue: finish(catalogue), warnings, correctionsApplied, staleCorrections, texts };
}

/** What each target measures (corrections may have set it; the rest from its words and unit), and the version. */
function finish(catalogue: Catalogue): Catalogue {
  const targets = catalogue.targets.map((t) =>
    t.kind ? t : { ...t, kind: deriveKind({ ...t, indicator: t.quote }) },
  );
  const out: Catalogue = { ...catalogue, targets };
  out.version = catalogueVersion(out);
  return out;
}

/**
 * Corrections applied to a stored catalogue (the web page's edits) rather than to a fresh build: the same
 * rules as the 目录审核 workbook, then kinds and the version as a build gives them. `texts` (document id →
 * decoded text) is needed only to locate the quotes of added targets.
 */
export function reviseCatalogue(
  catalogue: Catalogue,
  corrections: CatalogueCorrections,
  texts: ReadonlyMap<string, string>,
): CorrectionsResult {
  const r = applyCorrections(catalogue, corrections, texts);
  return { ...r, catalogue: finish(r.catalogue) };
}

/**
 * Build the catalogue of one or more policy texts (UTF-8, UTF-16 or GBK/GB18030 bytes).
 * One file that cannot be read raises LuoshiError; with several files, unreadable ones are
 * reported in `warnings` and the rest are built (LuoshiError only when none could be).
 */
export function buildCatalogue(sources: CatalogueSource[], options: BuildOptions = {}): BuildResult {
  const warnings: string[] = [];
  const parsed: ParsedDocument[] = [];
  const errors: LuoshiError[] = [];
  for (const s of sources) {
    const name = baseName(s.name);
    try {
      if (s.bytes.length === 0) {
        throw new LuoshiError('empty-file', `${name} 是空文件（0 字节），无法生成目录`, { file: name });
      }
      const text = s.text ?? decodeText(s.bytes, name).text;
      parsed.push(parseDocument(text, name));
    } catch (e) {
      if (!isLuoshiError(e)) throw e;
      errors.push(e);
    }
  }
  return assemble(parsed, errors, warnings, options);
}
