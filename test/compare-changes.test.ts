/**
 * What `compare` reports between two versions of one office's workbook, on submissions built in memory
 * (the slow round trip through real .xlsx files is test/review-compare.test.ts): each kind of change with
 * its column, before/after values and row; edits that are no change (line endings, spaces, re-sorted rows);
 * targets and tasks added or removed; the summary figures; the order a reviewer reads the list in; and
 * the refusal of two different offices. Every expected value is written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { isLuoshiError } from '../src/core/errors.js';
import type { Entry, Submission, TargetRow, TaskEntry } from '../src/core/model/submission.js';
import { emptyEntry } from '../src/core/model/submission.js';
import { compareSubmissions, describeCounts, type Change } from '../src/core/review/compare.js';

function row(targetId: string, rowNo: number, edit: Partial<TargetRow> = {}): TargetRow {
  return {
    targetId,
    row: rowNo,
    document: '吉林省“十四五”卫生健康事业发展规划',
    section: '三、主要指标',
    quote: `指标${targetId}达到目标`,
    targetText: '≥10个',
    unit: '个',
    deadline: '2025',
    lead: '省卫生健康委',
    comparator: '>=',
    value: 10,
    valueMax: null,
    ...edit,
  };
}

function entry(targetId: string, edit: Partial<Entry> = {}): Entry {
  return { ...emptyEntry(targetId), ...edit };
}

function task(taskId: string, edit: Partial<TaskEntry> = {}): TaskEntry {
  return { taskId, status: null, progress: '', problems: '', nextSteps: '', ...edit };
}

function version(parts: Partial<Submission> & Pick<Submission, 'rows' | 'entries'>): Submission {
  return {
    office: '长春市',
    period: '2025年度',
    catalogueVersion: 'v1',
    formatVersion: 1,
    generatedAt: '2026-01-05T08:00:00.000Z',
    source: '长春市.xlsx',
    taskEntries: [],
    problems: [],
    ...parts,
  };
}

/** Four targets on rows 4–7 with the given entries. */
function fourTargets(entries: Entry[], extra: Partial<Submission> = {}): Submission {
  return version({ rows: ['T1', 'T2', 'T3', 'T4'].map((id, i) => row(id, 4 + i)), entries, ...extra });
}

const brief = (c: Change) => [c.targetId, c.field, c.before, c.after, c.kind, c.row];

describe('figures', () => {
  it('are reported changed (with the difference), filled or cleared, row by row', () => {
    const before = fourTargets([
      entry('T1', { actual: 10 }),
      entry('T2', { actual: null }),
      entry('T3', { actual: 5 }),
      entry('T4', { baseline: 0.1 }),
    ]);
    const after = fourTargets([
      entry('T1', { actual: 12.5 }),
      entry('T2', { actual: 3 }),
      entry('T3', { actual: null }),
      entry('T4', { baseline: 0.3 }),
    ]);
    const r = compareSubmissions(before, after);
    expect(r.changes).toEqual([
      {
        targetId: 'T1',
        field: '完成值',
        before: 10,
        after: 12.5,
        kind: 'figure-changed',
        delta: 2.5,
        sheet: '指标',
        row: 4,
      },
      {
        targetId: 'T2',
        field: '完成值',
        before: null,
        after: 3,
        kind: 'figure-filled',
        sheet: '指标',
        row: 5,
      },
      {
        targetId: 'T3',
        field: '完成值',
        before: 5,
        after: null,
        kind: 'figure-cleared',
        sheet: '指标',
        row: 6,
      },
      // 0.3 − 0.1 is 0.19999999999999998 in binary: shown as the 0.2 the office typed
      {
        targetId: 'T4',
        field: '基期值',
        before: 0.1,
        after: 0.3,
        kind: 'figure-changed',
        delta: 0.2,
        sheet: '指标',
        row: 7,
      },
    ]);
    expect(r.summary).toMatchObject({ total: 4, targetsCompared: 4, targetsChanged: 4, cellsChanged: 4 });
    expect(r.summary.counts).toMatchObject({ 'figure-changed': 2, 'figure-filled': 1, 'figure-cleared': 1 });
    expect(describeCounts(r.summary.counts)).toBe('数值修改 2 处，新填数值 1 处，清空数值 1 处');
  });

  it('that are not numbers count as blank: nothing changed between one and a blank', () => {
    const r = compareSubmissions(
      fourTargets([entry('T1', { actual: Number.NaN })]),
      fourTargets([entry('T1', { actual: null })]),
    );
    expect(r.changes).toEqual([]);
  });
});

describe('status, date and text', () => {
  it('are each reported under their column, in the order of the sheet’s columns', () => {
    const before = fourTargets([
      entry('T1', { asOf: '2025-06-30', problems: '资金未到位', nextSteps: '', evidence: '' }),
    ]);
    const after = fourTargets([
      entry('T1', {
        asOf: '2025-09-30',
        status: '滞后',
        progress: '已开工',
        problems: '资金到位较慢',
        nextSteps: '加快拨付',
        evidence: '拨付文件',
      }),
    ]);
    const r = compareSubmissions(before, after);
    expect(r.changes.map(brief)).toEqual([
      ['T1', '截至日期', '2025-06-30', '2025-09-30', 'date-changed', 4],
      ['T1', '进展状态', null, '滞后', 'status-changed', 4],
      ['T1', '进展情况', null, '已开工', 'text-edited', 4],
      ['T1', '存在问题', '资金未到位', '资金到位较慢', 'text-edited', 4],
      ['T1', '下一步措施', null, '加快拨付', 'text-edited', 4],
      ['T1', '佐证材料', null, '拨付文件', 'text-edited', 4],
    ]);
    expect(r.summary).toMatchObject({ total: 6, targetsChanged: 1, targetsCompared: 4, cellsChanged: 6 });
    expect(describeCounts(r.summary.counts)).toBe('状态变化 1 处，日期修改 1 处，文字修改 4 处');
  });

  it('that differs only in line endings or surrounding spaces is no change', () => {
    const r = compareSubmissions(
      fourTargets([entry('T1', { progress: '已开工\r\n二期 ', problems: '甲\r乙', nextSteps: ' ' })]),
      fourTargets([entry('T1', { progress: '已开工\n二期', problems: '甲\n乙', nextSteps: '' })]),
    );
    expect(r.changes).toEqual([]);
    expect(r.summary).toMatchObject({ total: 0, targetsChanged: 0, cellsChanged: 0 });
    expect(describeCounts(r.summary.counts)).toBe('没有变化');
  });

  it('is reported trimmed, with a cleared text as blank', () => {
    const r = compareSubmissions(
      fourTargets([entry('T1', { progress: ' 已开工 ' })]),
      fourTargets([entry('T1', { progress: '  ', problems: ' 缺人 ' })]),
    );
    expect(r.changes.map(brief)).toEqual([
      ['T1', '进展情况', '已开工', null, 'text-edited', 4],
      ['T1', '存在问题', null, '缺人', 'text-edited', 4],
    ]);
  });
});

describe('catalogue cells', () => {
  const edited = (catalogueVersion: string) =>
    version({
      catalogueVersion,
      rows: [row('T1', 4, { quote: '每千人口床位数达到7张', lead: '省发展改革委' }), row('T2', 5)],
      entries: [entry('T1'), entry('T2')],
    });
  const original = version({ rows: [row('T1', 4), row('T2', 5)], entries: [entry('T1'), entry('T2')] });

  it('changed within one catalogue version are edits by the office', () => {
    const r = compareSubmissions(original, edited('v1'));
    expect(r.changes.map(brief)).toEqual([
      ['T1', '指标内容', '指标T1达到目标', '每千人口床位数达到7张', 'catalogue-edited', 4],
      ['T1', '牵头单位', '省卫生健康委', '省发展改革委', 'catalogue-edited', 4],
    ]);
    expect(r.summary.sameCatalogue).toBe(true);
  });

  it('changed between catalogue versions are updates of the catalogue', () => {
    const r = compareSubmissions(original, edited('v2'));
    expect(r.changes.map((c) => [c.field, c.kind])).toEqual([
      ['指标内容', 'catalogue-updated'],
      ['牵头单位', 'catalogue-updated'],
    ]);
    expect(r.summary.sameCatalogue).toBe(false);
    expect(describeCounts(r.summary.counts)).toBe('目录版本变化 2 处');
  });
});

describe('rows', () => {
  it('are matched by 指标编号: re-sorted rows and ids typed with spaces show no change', () => {
    const before = fourTargets([entry('T1', { actual: 1 }), entry('T2', { actual: 2 })]);
    const after = version({
      rows: [
        row('T4', 4),
        row(' T3', 5, { quote: '指标T3达到目标' }),
        row('T2', 6),
        row('T1 ', 7, { quote: '指标T1达到目标' }),
      ],
      entries: [entry('T2 ', { actual: 2 }), entry('T1', { actual: 1 })],
    });
    const r = compareSubmissions(before, after);
    expect(r.changes).toEqual([]);
    expect(r.summary.targetsCompared).toBe(4);
  });

  it('added or removed are listed with the row of the workbook that has them', () => {
    const before = version({ rows: [row('T1', 4), row('T2', 5)], entries: [entry('T1'), entry('T2')] });
    const after = version({ rows: [row('T1', 4), row('T3', 6)], entries: [entry('T1'), entry('T3')] });
    const r = compareSubmissions(before, after);
    expect(r.changes.map((c) => [c.targetId, c.field, c.before, c.after, c.kind, c.sheet, c.row])).toEqual([
      ['T2', '指标编号', 'T2', null, 'target-removed', '指标', 5],
      ['T3', '指标编号', null, 'T3', 'target-added', '指标', 6],
    ]);
    expect(r.summary).toMatchObject({ targetsCompared: 1, targetsChanged: 2, total: 2 });
    expect(describeCounts(r.summary.counts)).toBe('新增指标 1 处，删除指标 1 处');
  });

  it('known only from an entry (no catalogue row) still count, without a row number', () => {
    const before = version({ rows: [row('T1', 4)], entries: [entry('T1')] });
    const after = version({ rows: [row('T1', 4)], entries: [entry('T1'), entry('T9', { actual: 3 })] });
    const r = compareSubmissions(before, after);
    expect(r.changes.map(brief)).toEqual([['T9', '指标编号', null, 'T9', 'target-added', null]]);
    expect(r.summary.targetsCompared).toBe(1);
  });

  it('repeated in one workbook are reported as duplicates, and only the first is compared', () => {
    const before = version({
      rows: [row('T1', 4), row('T1', 5), row('T2', 6)],
      entries: [entry('T1', { actual: 1 }), entry('T2', { actual: 2 })],
    });
    const after = version({
      rows: [row('T1', 4), row('T2', 6)],
      entries: [entry('T1', { actual: 1 }), entry('T2', { actual: 2 }), entry('T2', { actual: 9 })],
    });
    const r = compareSubmissions(before, after);
    expect(r.changes).toEqual([]);
    expect(r.summary.duplicateIds).toEqual(['T1', 'T2']);
  });
});

describe('the 任务 sheet', () => {
  it('reports tasks changed, added and removed, after the 指标 sheet’s changes', () => {
    const before = fourTargets([entry('T4', { actual: 1 })], {
      taskEntries: [task('K1', { status: '序时推进', progress: '招标中' }), task('K2')],
    });
    const after = fourTargets([entry('T4', { actual: 2 })], {
      taskEntries: [task('K1', { status: '已完成', progress: '招标中', nextSteps: '验收' }), task('K3')],
    });
    const r = compareSubmissions(before, after);
    expect(r.changes.map((c) => [c.sheet, c.targetId, c.field, c.before, c.after, c.kind, c.row])).toEqual([
      ['指标', 'T4', '完成值', 1, 2, 'figure-changed', 7],
      ['任务', 'K1', '进展状态', '序时推进', '已完成', 'status-changed', null],
      ['任务', 'K1', '下一步措施', null, '验收', 'text-edited', null],
      ['任务', 'K3', '任务编号', null, 'K3', 'task-added', null],
      ['任务', 'K2', '任务编号', 'K2', null, 'task-removed', null],
    ]);
    // Only 指标 rows count as changed targets; daff counts the changed cells of both sheets.
    expect(r.summary).toMatchObject({ total: 5, targetsChanged: 1, cellsChanged: 3 });
    expect(r.summary.counts).toMatchObject({ 'task-added': 1, 'task-removed': 1, 'status-changed': 1 });
  });
});

describe('locked cells the reader found edited', () => {
  const locked = (
    cell: string | null,
    targetId: string | null,
    message: string,
    sheet: string | null = '指标',
  ) => ({
    severity: 'error' as const,
    sheet,
    cell,
    targetId,
    message,
    code: 'locked-cell-edited',
  });
  const base = () => version({ rows: [row('T1', 4), row('T2', 5)], entries: [entry('T1'), entry('T2')] });

  it('are listed with the column named by the cell, its row, and the reader’s message', () => {
    const after = { ...base(), problems: [locked('D5', 'T2', '目录内容“目标值”被改动')] };
    const r = compareSubmissions(base(), after);
    expect(r.changes).toEqual([
      {
        targetId: 'T2',
        field: '目标值',
        before: null,
        after: null,
        kind: 'catalogue-edited',
        sheet: '指标',
        row: 5,
        cell: 'D5',
        note: '目录内容“目标值”被改动',
      },
    ]);
  });

  it('read an absolute or lower-case reference ($C$4, e4) as the same cell', () => {
    const after = { ...base(), problems: [locked('$C$4', 'T1', '改动'), locked('e5', 'T2', '改动')] };
    const r = compareSubmissions(base(), after);
    expect(r.changes.map((c) => [c.targetId, c.field, c.row])).toEqual([
      ['T1', '指标内容', 4],
      ['T2', '单位', 5],
    ]);
  });

  it('without a cell take the column from the message and the row from the target', () => {
    const after = { ...base(), problems: [locked(null, 'T2', '目录内容“牵头单位”被改动', null)] };
    const r = compareSubmissions(base(), after);
    expect(r.changes.map((c) => [c.targetId, c.field, c.sheet, c.row, c.cell])).toEqual([
      ['T2', '牵头单位', '指标', 5, undefined],
    ]);
  });

  it('in an entry column, or naming no catalogue column, are listed as a catalogue cell', () => {
    const after = {
      ...base(),
      problems: [locked('H4', 'T1', '单元格被改动'), locked(null, null, '工作表保护被取消')],
    };
    const r = compareSubmissions(base(), after);
    expect(r.changes.map((c) => [c.targetId, c.field, c.row])).toEqual([
      ['T1', '目录单元格', 4],
      ['', '目录单元格', null],
    ]);
  });

  it('are listed once, also when the cell comparison already found the edit', () => {
    const after = {
      ...version({ rows: [row('T1', 4, { unit: '张' }), row('T2', 5)], entries: [entry('T1'), entry('T2')] }),
      problems: [
        locked('E4', 'T1', '目录内容“单位”被改动'),
        locked('D5', 'T2', '目录内容“目标值”被改动'),
        locked('D5', 'T2', '目录内容“目标值”被改动'),
        { ...locked('D5', 'T2', '完成值不是数字'), code: 'not-a-number', severity: 'warning' as const },
      ],
    };
    const r = compareSubmissions(base(), after);
    expect(r.changes.map((c) => [c.targetId, c.field, c.before, c.after, c.note])).toEqual([
      ['T1', '单位', '个', '张', undefined],
      ['T2', '目标值', null, null, '目录内容“目标值”被改动'],
    ]);
    expect(r.summary.counts['catalogue-edited']).toBe(2);
  });

  it('are named by the column the reader’s message quotes, even where the office moved the column', () => {
    // The office moved 单位 to where 目标值 stands in the standard layout (D); “牵头单位” contains “单位”.
    const after = {
      ...base(),
      problems: [
        locked('D5', 'T2', '目录内容“单位”被改动（灰色单元格是指标目录，请勿修改；现为 目标值）'),
        locked('R4', 'T1', '目录内容“牵头单位”被改动'),
      ],
    };
    const r = compareSubmissions(base(), after);
    expect(r.changes.map((c) => [c.targetId, c.field, c.cell])).toEqual([
      ['T1', '牵头单位', 'R4'],
      ['T2', '单位', 'D5'],
    ]);
  });

  it('beyond the layout’s columns, or with a reference that is no cell, are listed as a catalogue cell', () => {
    const after = {
      ...base(),
      problems: [locked('AA12', 'T1', '单元格被改动'), locked('#REF!', 'T2', '单元格被改动')],
    };
    const r = compareSubmissions(base(), after);
    expect(r.changes.map((c) => [c.targetId, c.field, c.row, c.cell])).toEqual([
      ['T1', '目录单元格', 12, 'AA12'],
      ['T2', '目录单元格', null, '#REF!'],
    ]);
  });

  it('are the reader’s locked-cell findings only, not its other problems', () => {
    const after = {
      ...base(),
      problems: [
        { ...locked('H4', 'T1', '“完成值”不是数字'), code: 'not-a-number', severity: 'warning' as const },
      ],
    };
    expect(compareSubmissions(base(), after).changes).toEqual([]);
  });

  it('are listed besides a catalogue update of the same cell: one is the office’s edit, the other the new version', () => {
    const after = {
      ...version({
        catalogueVersion: 'v2',
        rows: [row('T1', 4, { unit: '张' }), row('T2', 5)],
        entries: [entry('T1'), entry('T2')],
      }),
      problems: [locked('E4', 'T1', '目录内容“单位”被改动')],
    };
    const r = compareSubmissions(base(), after);
    expect(r.changes.map((c) => [c.targetId, c.field, c.kind])).toEqual([
      ['T1', '单位', 'catalogue-updated'],
      ['T1', '单位', 'catalogue-edited'],
    ]);
  });

  it('on the 任务 sheet are named by the 任务 sheet’s columns', () => {
    // 任务 layout: A 序号, B 任务内容, … I 牵头单位, J 任务编号 (the 指标 sheet has 指标名称 and 完成率 there).
    const after = {
      ...base(),
      problems: [locked('B9', 'K1', '任务内容被改动', '任务'), locked('I9', 'K1', '牵头单位被改动', '任务')],
    };
    const r = compareSubmissions(base(), after);
    expect(r.changes.map((c) => [c.sheet, c.targetId, c.field, c.row])).toEqual([
      ['任务', 'K1', '任务内容', 9],
      ['任务', 'K1', '牵头单位', 9],
    ]);
  });
});

describe('the list of changes', () => {
  it('reads like the sheet: 指标 before 任务, row by row (rows unknown last), column by column', () => {
    // On row 4 the 文件 column (P) and 完成值 (H) changed: H comes first, as in the sheet, although the
    // comparison grid holds the catalogue columns first. A locked cell on 任务 row 9 still follows 指标 row 20.
    const before = version({
      rows: [row('T1', 4), row('T2', 20)],
      entries: [entry('T1', { actual: 1 }), entry('T2', { actual: 1 })],
    });
    const after = {
      ...version({
        rows: [row('T1', 4, { document: '吉政办发〔2023〕21号' }), row('T2', 20)],
        entries: [entry('T1', { actual: 2 }), entry('T2', { actual: 3 }), entry('T9', { actual: 1 })],
      }),
      problems: [
        {
          severity: 'error' as const,
          sheet: '任务',
          cell: 'B9',
          targetId: 'K1',
          message: '目录内容“任务内容”被改动',
          code: 'locked-cell-edited',
        },
      ],
    };
    const r = compareSubmissions(before, after);
    expect(r.changes.map((c) => [c.sheet, c.row, c.targetId, c.field])).toEqual([
      ['指标', 4, 'T1', '完成值'],
      ['指标', 4, 'T1', '文件'],
      ['指标', 20, 'T2', '完成值'],
      ['指标', null, 'T9', '指标编号'],
      ['任务', 9, 'K1', '任务内容'],
    ]);
    // The 任务 sheet's locked cell is not a changed target.
    expect(r.summary.targetsChanged).toBe(3);
  });
});

describe('two versions', () => {
  it('of different offices are refused in Chinese, naming both files', () => {
    const before = fourTargets([]);
    const after = fourTargets([], { office: '吉林市', source: '吉林市.xlsx' });
    let thrown: unknown;
    try {
      compareSubmissions(before, after);
    } catch (e) {
      thrown = e;
    }
    expect(isLuoshiError(thrown) && thrown.code).toBe('different-office');
    expect(isLuoshiError(thrown) && thrown.where).toEqual({ file: '吉林市.xlsx' });
    expect((thrown as Error).message).toBe(
      '两个文件不是同一填报单位：长春市.xlsx 属于“长春市”，吉林市.xlsx 属于“吉林市”。对比只用于同一单位的两个版本；确需跨单位对比时请加 --cross。',
    );
  });

  it('of different offices are compared when asked to (cross)', () => {
    const after = fourTargets([entry('T1', { actual: 1 })], { office: '吉林市' });
    const r = compareSubmissions(fourTargets([]), after, { cross: true });
    expect(r.cross).toBe(true);
    expect(r.summary.sameOffice).toBe(false);
    expect(r.changes.map(brief)).toEqual([['T1', '完成值', null, 1, 'figure-filled', 4]]);
  });

  it('of one office whose name has stray spaces are the same office', () => {
    const r = compareSubmissions(fourTargets([]), fourTargets([], { office: ' 长春市 ' }));
    expect(r.cross).toBe(false);
    expect(r.summary.sameOffice).toBe(true);
    expect(
      compareSubmissions(fourTargets([], { office: '长春市 ' }), fourTargets([])).summary.sameOffice,
    ).toBe(true);
  });

  it('say whether they are for the same period, and carry each file’s identity', () => {
    const filler = {
      filler: '张三',
      phone: '0431-1234567',
      reviewer: '李四',
      head: '王五',
      reportDate: '2026-01-10',
    };
    const before = fourTargets([], { period: '2025年1-6月', source: '一稿.xlsx' });
    const after = fourTargets([], { source: '二稿.xlsx', filler });
    const r = compareSubmissions(before, after);
    expect(r.summary.samePeriod).toBe(false);
    expect(r.before).toEqual({
      office: '长春市',
      period: '2025年1-6月',
      catalogueVersion: 'v1',
      generatedAt: '2026-01-05T08:00:00.000Z',
      source: '一稿.xlsx',
    });
    expect(r.after).toMatchObject({ source: '二稿.xlsx', period: '2025年度', filler });
    expect('filler' in r.before).toBe(false);
    expect(compareSubmissions(after, after).summary.samePeriod).toBe(true);
  });
});

describe('a "new" file that looks older than the "old" one (arguments swapped?)', () => {
  const dated = (asOf: (string | null)[], generatedAt: string | null) =>
    fourTargets(
      asOf.map((d, i) => entry(`T${i + 1}`, { asOf: d })),
      { generatedAt },
    );

  it('is noticed by the latest 截至日期', () => {
    const older = dated(['2025-06-30', '2025-03-31'], '2026-01-05T08:00:00Z');
    const newer = dated(['2025-03-31', '2025-09-30', null], '2026-01-05T08:00:00Z');
    expect(compareSubmissions(newer, older).summary.afterLooksOlder).toBe(true);
    expect(compareSubmissions(older, newer).summary.afterLooksOlder).toBe(false);
  });

  it('falls back to when the workbook was generated when the dates agree or are missing', () => {
    const early = dated(['2025-06-30'], '2025-07-01T08:00:00Z');
    const late = dated(['2025-06-30'], '2026-01-05T08:00:00Z');
    expect(compareSubmissions(late, early).summary.afterLooksOlder).toBe(true);
    expect(compareSubmissions(early, late).summary.afterLooksOlder).toBe(false);
    const undatedEarly = dated([null], '2025-07-01T08:00:00Z');
    expect(compareSubmissions(late, undatedEarly).summary.afterLooksOlder).toBe(true);
  });

  it('takes each file’s latest 截至日期, whatever the order of its rows', () => {
    const older = dated(['2025-06-30', '2025-03-31'], '2026-01-05T08:00:00Z');
    const newer = dated(['2025-09-30', '2025-03-31'], '2026-01-05T08:00:00Z');
    expect(compareSubmissions(newer, older).summary.afterLooksOlder).toBe(true);
    expect(compareSubmissions(older, newer).summary.afterLooksOlder).toBe(false);
  });

  it('goes by generation time when only one file has a 截至日期', () => {
    const dated1 = dated(['2025-09-30'], '2025-07-01T08:00:00Z');
    const undated = dated([null], '2026-01-05T08:00:00Z');
    expect(compareSubmissions(undated, dated1).summary.afterLooksOlder).toBe(true);
    expect(compareSubmissions(dated1, undated).summary.afterLooksOlder).toBe(false);
  });

  it('is not claimed for files generated at the same time', () => {
    const a = dated([null], '2026-01-05T08:00:00Z');
    expect(compareSubmissions(a, dated([null], '2026-01-05T08:00:00Z')).summary.afterLooksOlder).toBe(false);
  });

  it('is not claimed when either generation time is unknown', () => {
    const known = dated([], '2026-01-05T08:00:00Z');
    const unknown = dated([], null);
    expect(compareSubmissions(known, unknown).summary.afterLooksOlder).toBe(false);
    expect(compareSubmissions(unknown, known).summary.afterLooksOlder).toBe(false);
  });
});
