/**
 * The rules of the one measure of progress, stated once in Chinese: the 汇总 workbook's 说明 sheet, the
 * 注 under the report tables and the 填报说明 all print these lines, so what users read is what the code does.
 * Keep them in step with status.ts, score.ts, aggregate.ts, judgement.ts and plausibility.ts.
 */
import type { Severity } from '../model/submission.js';
import { BASIC_SHARE, SMOOTH_SHARE } from './judgement.js';

/** One word per severity, everywhere a user looks. */
export const SEVERITY_WORDS: Record<Severity, string> = { error: '错误', warning: '警告' };

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** 完成率 and 序时进度. */
export const RULE_RATE =
  '完成率＝完成值÷目标值（分解下达的，按本单位分解目标计算）；“≤”“<”类指标和节点性指标不计算完成率。序时进度＝报告期末已过时间占全年的比例，按月计（如1—9月为75%）。';

/** The computed status, apart from the office's own 进展状态. */
export const RULE_STATUS =
  '进度判定按完成值核算，与单位自报的“进展状态”分开：完成值达到目标为“已完成”；完成率不低于序时进度为“达到序时进度”，低于序时进度为“未达到序时进度”；完成值为0，或未填完成值且自报“未启动”，为“未启动”；未填完成值为“无数据”。节点性指标按单位自报状态判定。自报状态与核算结果不一致的，列为“状态不一致”。';

/** 平均完成率 and the ranking. */
export const RULE_RANKING =
  '平均完成率＝本单位各项可计算完成率指标的完成率（超过100%的按100%计）的平均值，保留一位小数；待核实的异常值不计入。排名按平均完成率从高到低；平均完成率相同的，按达到序时进度（含已完成）指标占比从高到低；仍相同的并列。';

/** How offices' figures combine, by what the indicator measures. */
export const RULE_AGGREGATE =
  '汇总：总量类指标（个、人、元等）各单位相加，合计与总目标比较；比率、人均、时长类指标不相加、不平均，列出中位数、最小值—最大值和达到目标的单位数。';

/** Implausible figures. */
export const RULE_PLAUSIBLE =
  '异常值：总量类指标完成值超过目标值10倍或不足十分之一、比重超过100%、数量为负数、较上期变化超过3倍的，列入“异常值”，在单位核实（在“进展情况”或“佐证材料”中注明“数据已核实”，或重新报送相同数值）之前不计入合计和排名。';

/** The overall judgement of a report. */
export const RULE_JUDGEMENT = `总体判断：达到序时进度（含已完成）的指标占有数据指标的${pct(SMOOTH_SHARE)}及以上为“总体进展顺利”，${pct(BASIC_SHARE)}至${pct(SMOOTH_SHARE)}为“总体基本符合序时进度”，低于${pct(BASIC_SHARE)}为“总体滞后于序时进度”。`;

/** Which of several submissions of one office counts. */
export const RULE_VERSION =
  '同一单位报送多份的，以单位最后保存的一份为准（依次按工作簿文件属性中的保存时间、文件修改时间判断），不以填写的截至日期判断。';

/** Allocation (分解下达): whose target an office is judged by. */
export const RULE_ALLOCATION =
  '分解下达：统筹单位可用分解表把指标分解到各单位。已分解的，本单位填报表“目标值”列显示本单位分解目标和总目标（如“≥12个（全省≥50个）”），本单位的完成率、进度判定和排名都按本单位分解目标计算；汇总时各单位完成值相加，合计与总目标比较。未分解到本单位的指标，按总目标判定。';

/** Every rule, in the order the 说明 sheet lists them. */
export const PROGRESS_RULES: readonly string[] = [
  RULE_RATE,
  RULE_STATUS,
  RULE_RANKING,
  RULE_ALLOCATION,
  RULE_AGGREGATE,
  RULE_PLAUSIBLE,
  RULE_JUDGEMENT,
  RULE_VERSION,
];
