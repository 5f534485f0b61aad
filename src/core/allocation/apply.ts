/**
 * Applying an allocation: one office's copy of the catalogue, in which each target allocated to the office
 * carries the office's own target, and the overall target it is part of in `overall`. Every host that
 * makes an office's workbook (CLI, server, add-in) passes this copy to planWorkbook, so the workbook, its
 * _meta and everything judged from them use the office's own target.
 */
import type { Catalogue, Target } from '../model/catalogue.js';
import type { Submission } from '../model/submission.js';
import { formatTargetValue } from '../catalogue/format.js';
import { scopeOf } from './scope.js';
import { ALLOCATION_FORMAT, type Allocation, type AllocationShare } from './types.js';

/** The office's share of each allocated target, by target id. */
export function sharesOf(
  allocation: Allocation | null | undefined,
  office: string,
): Map<string, AllocationShare> {
  const out = new Map<string, AllocationShare>();
  for (const t of allocation?.targets ?? []) {
    const share = t.shares.find((s) => s.office === office);
    if (share) out.set(t.targetId, share);
  }
  return out;
}

/** A target with the office's share as its rule and the overall target kept beside it. */
function allocate(t: Target, share: AllocationShare, scope: string): Target {
  // normalizedValue keeps the unit's scale ("万人" → 人 ×1e4) for the share as for the whole.
  const scale = t.normalizedValue !== null && t.value ? t.normalizedValue / t.value : null;
  return {
    ...t,
    comparator: share.comparator,
    value: share.value,
    valueMax: share.valueMax,
    normalizedValue: scale === null ? null : Number((share.value * scale).toPrecision(12)),
    overall: { comparator: t.comparator, value: t.value, valueMax: t.valueMax, scope },
  };
}

/** The office's copy of the catalogue; the catalogue itself when nothing is allocated to the office. */
export function applyAllocation(
  catalogue: Catalogue,
  allocation: Allocation | null | undefined,
  office: string,
): Catalogue {
  const shares = sharesOf(allocation, office);
  if (shares.size === 0) return catalogue;
  const docs = new Map(catalogue.documents.map((d) => [d.id, d]));
  return {
    ...catalogue,
    targets: catalogue.targets.map((t) => {
      const share = t.overall ? undefined : shares.get(t.id);
      return share ? allocate(t, share, scopeOf(docs.get(t.documentId))) : t;
    }),
  };
}

/** The overall target as a user reads it, with its scope: "全省≥50个"; null when the target is not allocated. */
export function overallText(t: Pick<Target, 'overall' | 'unit' | 'deadline' | 'quote'>): string | null {
  if (!t.overall) return null;
  return `${t.overall.scope}${formatTargetValue({ ...t, ...t.overall })}`;
}

/** An allocated target as shown in the office's workbook: "≥12个（全省≥50个）"; else the target itself. */
export function allocatedTargetText(t: Target): string {
  const own = formatTargetValue(t);
  const whole = overallText(t);
  return whole ? `${own}（${whole}）` : own;
}

/**
 * The allocation an office's workbook records in its _meta (each row's own target beside the overall one),
 * so that an upgraded workbook keeps the office's shares without the 分解表 at hand; null when none.
 */
export function recordedAllocation(
  sub: Pick<Submission, 'office' | 'rows' | 'catalogueVersion' | 'source'>,
): Allocation | null {
  const targets = sub.rows.flatMap((r) =>
    r.overall && r.comparator !== null && r.value !== null
      ? [
          {
            targetId: r.targetId,
            shares: [{ office: sub.office, comparator: r.comparator, value: r.value, valueMax: r.valueMax }],
          },
        ]
      : [],
  );
  if (targets.length === 0) return null;
  return { format: ALLOCATION_FORMAT, catalogueVersion: sub.catalogueVersion, source: sub.source, targets };
}
