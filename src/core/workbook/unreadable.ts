/**
 * A workbook that cannot be read at all (not a luoshi workbook, or written by a newer luoshi): the
 * reader reports it as an error problem with one of these codes and an otherwise empty submission.
 * Every host that must stop there (upgrade, compare, 生成报告, the server's intake) asks here.
 */
import { LuoshiError } from '../errors.js';
import type { Problem, Submission } from '../model/submission.js';

export const NOT_A_LUOSHI_WORKBOOK = 'not-a-luoshi-workbook';
export const FORMAT_TOO_NEW = 'format-too-new';

const UNREADABLE_CODES: ReadonlySet<string> = new Set([NOT_A_LUOSHI_WORKBOOK, FORMAT_TOO_NEW]);

/** The problem that makes the submission unreadable, or undefined when it was read. */
export function unreadableProblem(s: Pick<Submission, 'problems'>): Problem | undefined {
  return s.problems.find((p) => UNREADABLE_CODES.has(p.code));
}

/** Throw the first unreadable submission's problem as a LuoshiError (its Chinese message names the file). */
export function refuseUnreadable(submissions: readonly Pick<Submission, 'problems'>[], file?: string): void {
  for (const s of submissions) {
    const p = unreadableProblem(s);
    if (p) throw new LuoshiError(p.code, p.message, file === undefined ? {} : { file });
  }
}
