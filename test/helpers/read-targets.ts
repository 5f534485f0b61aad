// The target extractor run over a whole hand-written text, as the catalogue tests read it: each draft
// target with the text of its figure and of its quote, narrowed to the fields a test asserts.
import { extractTargets, figureText, type DraftTarget } from '../../src/core/catalogue/targets.js';

export interface ReadTarget extends DraftTarget {
  /** The characters the figure was read from. */
  figure: string;
  /** The quoted clause. */
  quote: string;
}

/** Every target of `text`, for a document of `docYear` (dated `docDate` when given). */
export function readTargets(
  text: string,
  docYear: number | null = 2022,
  docDate: string | null = null,
): ReadTarget[] {
  return extractTargets(text, figureText(text), 0, text.length, { docYear, docDate }).map((t) => ({
    ...t,
    figure: text.slice(t.figureStart, t.figureEnd),
    quote: text.slice(t.quoteStart, t.quoteEnd),
  }));
}

/** The targets with only the named fields, so a test's expected objects list what it checks. */
export function fields<K extends keyof ReadTarget>(
  targets: ReadTarget[],
  keys: readonly K[],
): Pick<ReadTarget, K>[] {
  return targets.map((t) => Object.fromEntries(keys.map((k) => [k, t[k]])) as Pick<ReadTarget, K>);
}
