/**
 * Scores an extracted catalogue against the hand-made gold set (test/gold/*.json).
 * Pure: the caller supplies the catalogue, the gold files and the decoded source texts.
 *
 * Matching is one-to-one within a document: an extracted target and a gold target match when their
 * spans in the source overlap and their figures agree (same value within 1e-9 relative, or both
 * milestones). Field accuracy is then measured over the matched pairs only, so a wrong comparator or
 * deadline costs accuracy, not recall. Gold targets marked optional are matched after the required ones
 * and then left out of both recall and precision.
 */
import { z } from 'zod';
import type { Catalogue, Comparator, Target } from '../../src/core/model/catalogue.js';

const COMPARATORS = ['>=', '>', '<=', '<', '=', '≈', 'range', 'milestone'] as const;

const goldTargetSchema = z.object({
  quote: z.string().min(1),
  indicator: z.string().min(1),
  comparator: z.enum(COMPARATORS),
  value: z.number().nullable(),
  valueMax: z.number().nullable(),
  unit: z.string().nullable(),
  deadline: z
    .string()
    .regex(/^\d{4}(-\d{2})?$/)
    .nullable(),
  perYear: z.boolean(),
  perUnit: z.string().nullable().optional(),
  /** A recurring commitment's period (每季度…, 每年3月底前…); absent = not recurring. */
  cycle: z.enum(['month', 'quarter', 'half-year', 'year']).optional(),
  lead: z.array(z.string()),
  participants: z.array(z.string()),
  note: z.string().optional(),
  /**
   * A borderline case (e.g. a number that is part of a programme's name). An optional target is not
   * counted in recall when missed, and an extracted target that matches it is not counted as spurious.
   */
  optional: z.boolean().optional(),
});

const goldFileSchema = z.object({
  source: z.string().min(1),
  targets: z.array(goldTargetSchema),
});

export type GoldTarget = z.infer<typeof goldTargetSchema>;
export type GoldFile = z.infer<typeof goldFileSchema>;

/** Validates one gold file's JSON (shape plus the internal rules of the annotation guidelines). */
export function parseGoldFile(json: unknown, name: string): GoldFile {
  const parsed = goldFileSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(`${name}: gold file does not match the schema: ${parsed.error.message}`);
  parsed.data.targets.forEach((t, i) => {
    const where = `${name} target #${i} (${t.quote})`;
    if (t.comparator === 'milestone') {
      if (t.value !== null || t.valueMax !== null || t.unit !== null)
        throw new Error(`${where}: a milestone has no value, valueMax or unit`);
      if (t.deadline === null) throw new Error(`${where}: a milestone needs a deadline`);
    } else if (t.value === null) {
      throw new Error(`${where}: only milestones may have a null value`);
    }
    if (t.comparator === 'range') {
      if (t.valueMax === null || t.value === null || !(t.valueMax > t.value))
        throw new Error(`${where}: a range needs value < valueMax`);
    } else if (t.valueMax !== null) {
      throw new Error(`${where}: valueMax is only for ranges`);
    }
  });
  return parsed.data;
}

export type FieldName = 'comparator' | 'unit' | 'deadline' | 'valueMax' | 'perYear' | 'cycle' | 'units';
export const FIELD_NAMES: readonly FieldName[] = [
  'comparator',
  'unit',
  'deadline',
  'valueMax',
  'perYear',
  'cycle',
  'units',
];

export interface FieldTally {
  correct: number;
  total: number;
  /** correct / total, or null when no matched pair was judged on this field. */
  accuracy: number | null;
}

export interface MissedGold {
  source: string;
  quote: string;
  /** Offset of the gold quote in the decoded text (-1 if the quote is not in the text: a broken gold file). */
  offset: number;
  comparator: Comparator;
  value: number | null;
  unit: string | null;
}

export interface SpuriousTarget {
  source: string;
  id: string;
  quote: string;
  offset: number;
  comparator: Comparator;
  value: number | null;
  unit: string | null;
}

export interface FieldMismatch {
  source: string;
  quote: string;
  field: FieldName;
  expected: string;
  actual: string;
}

export interface BadQuote {
  source: string;
  id: string;
  quote: string;
  offset: number;
}

export interface Tally {
  /** Required gold targets. */
  gold: number;
  /** Extracted targets, less those that matched an optional gold target. */
  extracted: number;
  /** Matched pairs (each counts once on both sides). */
  matched: number;
  /** Optional gold targets, and how many of them were extracted. */
  optionalGold: number;
  optionalMatched: number;
  recall: number;
  precision: number;
  fields: Record<FieldName, FieldTally>;
}

export interface DocumentScore extends Tally {
  source: string;
  missed: MissedGold[];
  spurious: SpuriousTarget[];
  mismatches: FieldMismatch[];
  /** Extracted targets whose quote is not the text at their offset. */
  badQuotes: BadQuote[];
}

export interface CatalogueScore {
  documents: DocumentScore[];
  overall: Tally;
  missed: MissedGold[];
  spurious: SpuriousTarget[];
  mismatches: FieldMismatch[];
  badQuotes: BadQuote[];
  /** Extracted targets of documents that have no gold file (not scored). */
  unscoredTargets: number;
}

const REL_TOLERANCE = 1e-9;

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  if (a === b) return true;
  return Math.abs(a - b) <= REL_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** Magnitude prefixes of Chinese units, so that "5万人" may also be matched by a normalised 50000. */
const MAGNITUDES: ReadonlyArray<[string, number]> = [
  ['万亿', 1e12],
  ['亿', 1e8],
  ['千万', 1e7],
  ['百万', 1e6],
  ['万', 1e4],
  ['千', 1e3],
  ['百', 1e2],
];

function goldNormalized(t: GoldTarget): number | null {
  if (t.value === null) return null;
  const unit = t.unit ?? '';
  for (const [prefix, factor] of MAGNITUDES) {
    if (unit.startsWith(prefix) && unit.length > prefix.length) return t.value * factor;
  }
  return t.value;
}

function isMilestone(c: Comparator, value: number | null): boolean {
  return c === 'milestone' || value === null;
}

/** True when the two figures are the same commitment value (the matching criterion besides overlap). */
export function figuresAgree(
  extracted: Pick<Target, 'comparator' | 'value' | 'normalizedValue'>,
  gold: GoldTarget,
): boolean {
  const eMilestone = isMilestone(extracted.comparator, extracted.value);
  const gMilestone = gold.comparator === 'milestone';
  if (eMilestone || gMilestone) return eMilestone && gMilestone;
  if (sameNumber(extracted.value, gold.value)) return true;
  // A parser may store the figure in base units only; accept the same quantity.
  return extracted.normalizedValue !== null && sameNumber(extracted.normalizedValue, goldNormalized(gold));
}

function normText(s: string | null): string {
  return s === null ? '' : s.normalize('NFKC').replace(/\s+/g, '');
}

function normUnits(list: readonly string[]): string {
  return [...new Set(list.map((u) => normText(u)))].sort().join('、');
}

function emptyFields(): Record<FieldName, FieldTally> {
  const r = {} as Record<FieldName, FieldTally>;
  for (const f of FIELD_NAMES) r[f] = { correct: 0, total: 0, accuracy: null };
  return r;
}

function finishFields(fields: Record<FieldName, FieldTally>): void {
  for (const f of FIELD_NAMES)
    fields[f].accuracy = fields[f].total === 0 ? null : fields[f].correct / fields[f].total;
}

function ratio(n: number, d: number): number {
  return d === 0 ? 1 : n / d;
}

interface Span {
  start: number;
  end: number;
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * Maximum one-to-one matching (Kuhn's augmenting paths). Candidates of each gold target are tried in
 * order of decreasing overlap, so among equally large matchings the tighter pairs tend to win.
 */
function maxMatching(candidates: number[][], extractedCount: number): number[] {
  const extractedOwner = new Array<number>(extractedCount).fill(-1);
  const tryAssign = (g: number, seen: boolean[]): boolean => {
    for (const e of candidates[g]) {
      if (seen[e]) continue;
      seen[e] = true;
      if (extractedOwner[e] === -1 || tryAssign(extractedOwner[e], seen)) {
        extractedOwner[e] = g;
        return true;
      }
    }
    return false;
  };
  for (let g = 0; g < candidates.length; g++) tryAssign(g, new Array<boolean>(extractedCount).fill(false));
  const goldToExtracted = new Array<number>(candidates.length).fill(-1);
  extractedOwner.forEach((g, e) => {
    if (g >= 0) goldToExtracted[g] = e;
  });
  return goldToExtracted;
}

function judgeFields(
  source: string,
  e: Target,
  g: GoldTarget,
  fields: Record<FieldName, FieldTally>,
  mismatches: FieldMismatch[],
): void {
  const judge = (field: FieldName, ok: boolean, expected: string, actual: string): void => {
    fields[field].total++;
    if (ok) fields[field].correct++;
    else mismatches.push({ source, quote: g.quote, field, expected, actual });
  };
  judge('comparator', e.comparator === g.comparator, g.comparator, e.comparator);
  judge('unit', normText(e.unit) === normText(g.unit), String(g.unit), String(e.unit));
  judge('deadline', e.deadline === g.deadline, String(g.deadline), String(e.deadline));
  judge('valueMax', sameNumber(e.valueMax, g.valueMax), String(g.valueMax), String(e.valueMax));
  judge('perYear', e.perYear === g.perYear, String(g.perYear), String(e.perYear));
  judge('cycle', (e.cycle ?? null) === (g.cycle ?? null), String(g.cycle ?? null), String(e.cycle ?? null));
  if (g.lead.length > 0 || g.participants.length > 0) {
    const expected = `${normUnits(g.lead)} | ${normUnits(g.participants)}`;
    const actual = `${normUnits(e.lead)} | ${normUnits(e.participants)}`;
    judge('units', expected === actual, expected, actual);
  }
}

/**
 * Where a gold quote sits in the text: exactly, or else ignoring whitespace and full/half width (a
 * text read from a PDF or web page breaks and indents lines differently from the .txt the gold quotes).
 */
export function locateQuote(text: string, quote: string): Span | null {
  const exact = text.indexOf(quote);
  if (exact >= 0) return { start: exact, end: exact + quote.length };
  const wanted = quote.normalize('NFKC').replace(/\s+/g, '');
  if (!wanted) return null;
  let squeezed = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i].normalize('NFKC');
    if (/\s/.test(c)) continue;
    for (const ch of c) {
      squeezed += ch;
      at.push(i);
    }
  }
  const k = squeezed.indexOf(wanted);
  return k < 0 ? null : { start: at[k], end: at[k + wanted.length - 1] + 1 };
}

function scoreDocument(source: string, text: string, gold: GoldTarget[], extracted: Target[]): DocumentScore {
  const fields = emptyFields();
  const missed: MissedGold[] = [];
  const spurious: SpuriousTarget[] = [];
  const mismatches: FieldMismatch[] = [];
  const badQuotes: BadQuote[] = [];

  for (const e of extracted) {
    if (text.slice(e.offset, e.offset + e.quote.length) !== e.quote || e.quote.length === 0) {
      badQuotes.push({ source, id: e.id, quote: e.quote, offset: e.offset });
    }
  }
  const extractedSpans: Span[] = extracted.map((e) => ({ start: e.offset, end: e.offset + e.quote.length }));
  /** Max matching of `goldSet` against the extracted targets not yet taken. */
  const match = (goldSet: GoldTarget[], taken: boolean[]): { spans: Array<Span | null>; pairs: number[] } => {
    const spans = goldSet.map((g) => locateQuote(text, g.quote));
    const candidates = goldSet.map((g, gi) => {
      const gs = spans[gi];
      if (!gs) return [];
      return extracted
        .map((e, ei) => ({ ei, ov: taken[ei] ? 0 : overlap(gs, extractedSpans[ei]) }))
        .filter(({ ei, ov }) => ov > 0 && figuresAgree(extracted[ei], g))
        .sort((a, b) => b.ov - a.ov || a.ei - b.ei)
        .map(({ ei }) => ei);
    });
    return { spans, pairs: maxMatching(candidates, extracted.length) };
  };

  const required = gold.filter((g) => g.optional !== true);
  const optional = gold.filter((g) => g.optional === true);
  const extractedMatched = new Array<boolean>(extracted.length).fill(false);
  const req = match(required, extractedMatched);
  required.forEach((g, gi) => {
    const ei = req.pairs[gi];
    if (ei < 0) {
      missed.push({
        source,
        quote: g.quote,
        offset: req.spans[gi]?.start ?? -1,
        comparator: g.comparator,
        value: g.value,
        unit: g.unit,
      });
      return;
    }
    extractedMatched[ei] = true;
    judgeFields(source, extracted[ei], g, fields, mismatches);
  });
  const matched = extractedMatched.filter(Boolean).length;
  const opt = match(optional, extractedMatched);
  const optionalMatched = opt.pairs.filter((ei) => ei >= 0).length;
  for (const ei of opt.pairs) if (ei >= 0) extractedMatched[ei] = true;

  extracted.forEach((e, ei) => {
    if (!extractedMatched[ei]) {
      spurious.push({
        source,
        id: e.id,
        quote: e.quote,
        offset: e.offset,
        comparator: e.comparator,
        value: e.value,
        unit: e.unit,
      });
    }
  });
  finishFields(fields);
  const scoredExtracted = extracted.length - optionalMatched;
  return {
    source,
    gold: required.length,
    extracted: scoredExtracted,
    matched,
    optionalGold: optional.length,
    optionalMatched,
    recall: ratio(matched, required.length),
    precision: ratio(matched, scoredExtracted),
    fields,
    missed,
    spurious,
    mismatches,
    badQuotes,
  };
}

/**
 * Scores `catalogue` against `gold`. `sourceTexts` maps a source file name (as in Document.source and
 * GoldFile.source) to its decoded text. Documents without a gold file are not scored (counted in
 * unscoredTargets); a gold file whose document is missing from the catalogue counts as all missed.
 */
export function scoreCatalogue(
  catalogue: Catalogue,
  gold: GoldFile[],
  sourceTexts: Map<string, string>,
): CatalogueScore {
  // Document.source is a base name; strip any directory part a host may have left on it.
  const sourceOfDocument = new Map(catalogue.documents.map((d) => [d.id, d.source.replace(/^.*[\\/]/, '')]));
  const targetsBySource = new Map<string, Target[]>();
  for (const t of catalogue.targets) {
    const source = sourceOfDocument.get(t.documentId) ?? `?${t.documentId}`;
    const list = targetsBySource.get(source) ?? [];
    list.push(t);
    targetsBySource.set(source, list);
  }
  const goldSources = new Set(gold.map((g) => g.source));
  let unscoredTargets = 0;
  for (const [source, list] of targetsBySource) if (!goldSources.has(source)) unscoredTargets += list.length;

  const documents = gold.map((g) => {
    const text = sourceTexts.get(g.source);
    if (text === undefined) throw new Error(`no source text given for ${g.source}`);
    return scoreDocument(g.source, text, g.targets, targetsBySource.get(g.source) ?? []);
  });

  const fields = emptyFields();
  for (const d of documents) {
    for (const f of FIELD_NAMES) {
      fields[f].correct += d.fields[f].correct;
      fields[f].total += d.fields[f].total;
    }
  }
  finishFields(fields);
  const sum = (k: 'gold' | 'extracted' | 'matched' | 'optionalGold' | 'optionalMatched'): number =>
    documents.reduce((n, d) => n + d[k], 0);
  const goldCount = sum('gold');
  const extractedCount = sum('extracted');
  const matched = sum('matched');
  return {
    documents,
    overall: {
      gold: goldCount,
      extracted: extractedCount,
      matched,
      optionalGold: sum('optionalGold'),
      optionalMatched: sum('optionalMatched'),
      recall: ratio(matched, goldCount),
      precision: ratio(matched, extractedCount),
      fields,
    },
    missed: documents.flatMap((d) => d.missed),
    spurious: documents.flatMap((d) => d.spurious),
    mismatches: documents.flatMap((d) => d.mismatches),
    badQuotes: documents.flatMap((d) => d.badQuotes),
    unscoredTargets,
  };
}

function pct(x: number | null): string {
  return x === null ? '   -  ' : `${(x * 100).toFixed(1).padStart(5)}%`;
}

/** A plain-text table of the score (one row per document plus the total), then misses and spurious targets. */
export function formatScore(score: CatalogueScore): string {
  const header = ['document', 'gold', 'extr', 'match', 'opt', 'recall', 'prec', ...FIELD_NAMES];
  const rows: string[][] = [];
  const row = (name: string, t: Tally): string[] => [
    name,
    String(t.gold),
    String(t.extracted),
    String(t.matched),
    `${t.optionalMatched}/${t.optionalGold}`,
    pct(t.recall),
    pct(t.precision),
    ...FIELD_NAMES.map((f) => pct(t.fields[f].accuracy)),
  ];
  for (const d of score.documents) rows.push(row(d.source, d));
  rows.push(row('TOTAL', score.overall));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  const fmtFigure = (c: Comparator, v: number | null, u: string | null): string =>
    c === 'milestone' ? 'milestone' : `${c} ${v ?? '?'}${u ?? ''}`;
  if (score.missed.length > 0) {
    out.push('', `missed gold targets (${score.missed.length}):`);
    for (const m of score.missed)
      out.push(`  ${m.source} @${m.offset} [${fmtFigure(m.comparator, m.value, m.unit)}] ${m.quote}`);
  }
  if (score.spurious.length > 0) {
    out.push('', `spurious extracted targets (${score.spurious.length}):`);
    for (const s of score.spurious)
      out.push(`  ${s.source} @${s.offset} [${fmtFigure(s.comparator, s.value, s.unit)}] ${s.quote}`);
  }
  if (score.mismatches.length > 0) {
    out.push('', `field mismatches on matched pairs (${score.mismatches.length}):`);
    for (const m of score.mismatches)
      out.push(`  ${m.source} ${m.field}: expected ${m.expected}, got ${m.actual} — ${m.quote}`);
  }
  if (score.badQuotes.length > 0) {
    out.push('', `extracted quotes not found at their offset (${score.badQuotes.length}):`);
    for (const b of score.badQuotes) out.push(`  ${b.source} @${b.offset} ${b.id}: ${b.quote}`);
  }
  return out.join('\n');
}
