// One row of a report model (TargetLine) for the report's unit tests: a ≥5 % rate target with no data yet,
// every field set, so a test names only what it is about.
import type { TargetLine } from '../../src/core/report/model.js';

export function targetLine(over: Partial<TargetLine> = {}): TargetLine {
  return {
    targetId: 'T1',
    office: null,
    document: '《示范文件》',
    section: [],
    indicator: '指标',
    unit: '%',
    targetText: '≥5%',
    comparator: '>=',
    value: 5,
    valueMax: null,
    actual: null,
    rate: null,
    met: null,
    status: null,
    judged: '无数据',
    contradiction: null,
    held: false,
    kind: 'rate',
    combined: null,
    onSchedule: null,
    lead: '',
    progress: '',
    problems: '',
    nextSteps: '',
    note: '',
    decimals: 1,
    ...over,
  };
}
