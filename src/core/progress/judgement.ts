/**
 * The overall judgement a report states ("总体进展顺利" …), chosen by a stated rule from the computed
 * shares, never fixed text; and the report's 成文日期 rule.
 */
import { LuoshiError } from '../errors.js';
import { aheadShare, judgedCount, type ProgressTally } from './status.js';

/** At or above this share of judged targets at or ahead of 序时进度: 总体进展顺利. */
export const SMOOTH_SHARE = 0.8;
/** At or above this share (and below SMOOTH_SHARE): 总体基本符合序时进度; below it: 总体滞后于序时进度. */
export const BASIC_SHARE = 0.6;

export type JudgementLevel = 'smooth' | 'basic' | 'behind' | 'unknown';

export interface OverallJudgement {
  level: JudgementLevel;
  /** The judgement in a few words, e.g. "总体进展顺利". */
  phrase: string;
  /** Share of judged targets at or ahead of 序时进度 (fraction), or null. */
  share: number | null;
  /** Targets the share is taken over (all but 无数据). */
  judged: number;
}

const PHRASES: Record<JudgementLevel, string> = {
  smooth: '总体进展顺利',
  basic: '总体基本符合序时进度',
  behind: '总体滞后于序时进度',
  unknown: '暂无可据以判断进度的数据',
};

export function overallJudgement(t: ProgressTally): OverallJudgement {
  const share = aheadShare(t);
  const level: JudgementLevel =
    share === null ? 'unknown' : share >= SMOOTH_SHARE ? 'smooth' : share >= BASIC_SHARE ? 'basic' : 'behind';
  return { level, phrase: PHRASES[level], share, judged: judgedCount(t) };
}

/**
 * 成文日期: as set (report.json), else the day the report is generated; never before the data's 截至日期
 * (a report cannot speak of figures dated after itself).
 */
export function reportDate(configured: string | null | undefined, today: string, asOf: string): string {
  const date = configured || today;
  if (date < asOf) {
    throw new LuoshiError(
      'report-date-before-data',
      `成文日期 ${date} 早于数据截至日期 ${asOf}：报告不能早于其所报告的数据；请在 report.json 的“成文日期”中填写 ${asOf} 或之后的日期`,
    );
  }
  return date;
}
