/**
 * Task and indicator tables as 实施方案 annexes lay them out, in the corners the first table tests
 * leave open: where a table ends, which row is the header, cells padded with blanks, columns in an
 * unusual order (the lead unit or the deadline first, the goal before the measures), cells merged
 * over rows, and 主要指标 tables with a 类别 column, a 监测单位 column or no named column at all.
 * Every table is written by hand; the expected rows are read off it by hand.
 */
import { describe, expect, it } from 'vitest';
import { findTables } from '../src/core/catalogue/table.js';
import { splitLines } from '../src/core/catalogue/text.js';

const tables = (text: string) => findTables(text, splitLines(text), 0);
/** The rows as a reader checks them: group, category, text, lead, participants, deadline. */
const rowsOf = (text: string) =>
  tables(text).flatMap((t) =>
    t.rows.map((r) => [r.group, r.category, r.text, r.lead, r.participants, r.deadlineCell?.text ?? null]),
  );
const indicatorsOf = (text: string) =>
  tables(text).flatMap((t) => t.indicators.map((r) => [r.name.text, r.value.text, r.unit, r.year]));

describe('where a table ends', () => {
  it('runs on over up to 12 lines without tabs, and 13 lines of prose end it', () => {
    const table = (gap: number) =>
      [
        '序号\t任务\t责任单位\t完成时限',
        '1\t建设社区医院\t市卫健委\t2023年',
        ...Array.from({ length: gap }, (_, k) => `说明第${k + 1}行`),
        '2\t改造村卫生室\t市财政局\t2024年',
        '',
      ].join('\n');
    const joined = tables(table(12));
    expect(joined.map((t) => [t.fromLine, t.toLine])).toEqual([[0, 14]]);
    expect(joined[0].rows.map((r) => r.text)).toEqual(['建设社区医院', '改造村卫生室']);
    // the second part alone has one row, fewer than a header needs: no table
    const split = tables(table(13));
    expect(split.map((t) => [t.fromLine, t.toLine])).toEqual([[0, 1]]);
    expect(split[0].rows.map((r) => r.text)).toEqual(['建设社区医院']);
  });

  it('ends at a heading, so a second table under the next heading is a table of its own', () => {
    const text = [
      '指标\t2022年\t2025年',
      '参保率（%）\t93\t95',
      '二、重点任务',
      '（一）提升经办服务。',
      '序号\t任务\t责任单位\t完成时限',
      '1\t改造经办大厅\t市医保局\t2023年',
      '',
    ].join('\n');
    const found = tables(text);
    expect(found.map((t) => [t.fromLine, t.toLine])).toEqual([
      [0, 1],
      [4, 5],
    ]);
    expect(indicatorsOf(text)).toEqual([['参保率（%）', '95', '%', '2025']]);
    expect(rowsOf(text)).toEqual([['1', '', '改造经办大厅', ['市医保局'], [], '2023年']]);
  });

  it('ends a table of two rows at its last row, even with prose right below', () => {
    const text = '序号\t任务\t责任单位\t完成时限\n1\t建设社区医院\t市卫健委\t2023年\n各地要加强组织领导。\n';
    const [t] = tables(text);
    expect(t.end).toBe(text.indexOf('2023年') + '2023年'.length);
    expect(rowsOf(text)).toEqual([['1', '', '建设社区医院', ['市卫健委'], [], '2023年']]);
  });

  it('lets the last cell of a one-cell-per-line table run on to a heading, or to the end of the text', () => {
    const cells = [
      '\t序号',
      '\t任务',
      '\t完成时限',
      '\t牵头单位',
      '\t1.',
      '\t推进医联体建设',
      '\t2023年',
      '\t市卫生',
    ];
    const toHeading = [...cells, '健康委', '三、保障措施', '加强组织领导。'].join('\n');
    const [t] = tables(toHeading);
    expect(t.end).toBe(toHeading.indexOf('健康委') + 3);
    expect(rowsOf(toHeading)).toEqual([['1.', '', '推进医联体建设', ['市卫生健康委'], [], '2023年']]);
    const toEnd = [...cells, '健康委'].join('\n');
    expect(tables(toEnd)[0].end).toBe(toEnd.length);
    expect(rowsOf(toEnd)).toEqual([['1.', '', '推进医联体建设', ['市卫生健康委'], [], '2023年']]);
  });

  it('reads each of two tables by its own layout, a row-per-line one above a cell-per-line one', () => {
    const text = [
      '附件1',
      '序号\t任务\t责任单位\t完成时限',
      '1\t建设社区医院\t市卫健委\t2023年',
      '',
      ...Array.from({ length: 13 }, (_, k) => `附件2说明第${k + 1}行`),
      '\t序号',
      '\t任务',
      '\t责任单位',
      '\t完成时限',
      '\t1.',
      '\t培训全科医生',
      '\t市人社局',
      '\t2025年',
      '',
    ].join('\n');
    const found = tables(text);
    expect(found.map((t) => t.header)).toEqual([
      ['序号', '任务', '责任单位', '完成时限'],
      ['序号', '任务', '责任单位', '完成时限'],
    ]);
    expect(rowsOf(text)).toEqual([
      ['1', '', '建设社区医院', ['市卫健委'], [], '2023年'],
      ['1.', '', '培训全科医生', ['市人社局'], [], '2025年'],
    ]);
  });

  it('does not read a line without tabs inside a table as a row', () => {
    const text = [
      '序号\t任务\t责任单位\t完成时限',
      '1\t建设社区医院\t市卫健委\t2023年',
      '（续表）',
      '2\t改造村卫生室\t市财政局\t2024年',
      '',
    ].join('\n');
    expect(rowsOf(text).map((r) => r[2])).toEqual(['建设社区医院', '改造村卫生室']);
  });
});

describe('the header row', () => {
  it('is the title row’s successor even when it names a single known column', () => {
    const text = '附表1\t\t\n建设内容\t牵头单位\t投资（万元）\n新建养老院2所\t市民政局\t3000\n';
    const [t] = tables(text);
    expect(t.header).toEqual(['建设内容', '牵头单位', '投资(万元)']);
    expect(t.rows.map((r) => [r.text, r.lead])).toEqual([['新建养老院2所\n3000', ['市民政局']]]);
  });

  it('reads column titles spaced out for justification, and keeps to the first three rows', () => {
    const text = [
      '重点任务\t\t\t',
      '序　号\t任　务\t责 任 单 位\t完 成 时 限',
      '1\t建设社区医院\t市卫健委\t2023年',
      '2\t重点专科建设\t主要由市卫健委负责\t具体时间另定',
      '3\t完善急救网络\t市卫健委\t2024年',
      '4\t重点人群签约\t工作专班\t完成时间另定',
      '',
    ].join('\n');
    const [t] = tables(text);
    expect(t.header).toEqual(['序号', '任务', '责任单位', '完成时限']);
    expect(t.rows.map((r) => r.text)).toEqual([
      '建设社区医院',
      '重点专科建设',
      '完善急救网络',
      '重点人群签约',
    ]);
  });

  it('keeps the first of two rows naming as many known columns', () => {
    const text = [
      '序号\t建设项目\t实施单位\t完成时限',
      '1\t重点专科建设\t市卫健委\t具体时间另定',
      '2\t社区医院建设\t市卫健委\t2024年',
      '',
    ].join('\n');
    const [t] = tables(text);
    expect(t.header).toEqual(['序号', '建设项目', '实施单位', '完成时限']);
    expect(t.rows.map((r) => [r.group, r.text])).toEqual([
      ['1', '重点专科建设\n市卫健委'],
      ['2', '社区医院建设\n市卫健委'],
    ]);
  });

  it('is not outvoted by a data row with a stray trailing tab, whose extra cell is dropped', () => {
    const text = [
      '序号\t任务\t责任单位\t完成时限',
      '1\t建设社区医院\t市卫健委\t2023年\t',
      '2\t改造村卫生室\t市财政局\t2024年',
      '',
    ].join('\n');
    const [t] = tables(text);
    expect(t.header).toEqual(['序号', '任务', '责任单位', '完成时限']);
    expect(rowsOf(text)).toEqual([
      ['1', '', '建设社区医院', ['市卫健委'], [], '2023年'],
      ['2', '', '改造村卫生室', ['市财政局'], [], '2024年'],
    ]);
  });

  it('of a one-cell-per-line table ends at a long cell, a numbered cell or 十一、, spaces taken out', () => {
    const long = [
      '\t任  务',
      '\t牵头单位',
      '\t完成时限',
      '\t建立健全家庭医生签约服务制度并实现重点人群全覆盖',
      '\t市卫健委',
      '\t2023年',
      '',
    ].join('\n');
    expect(tables(long)[0].header).toEqual(['任务', '牵头单位', '完成时限']);
    expect(rowsOf(long)).toEqual([
      ['', '', '建立健全家庭医生签约服务制度并实现重点人群全覆盖', ['市卫健委'], [], '2023年'],
    ]);
    const continued = [
      '\t序号',
      '\t主要任务、措施',
      '\t牵头单位',
      '\t完成时限',
      '\t十一、',
      '\t培训全科医生',
      '\t市人社局',
      '\t2025年',
      '',
    ];
    expect(tables(continued.join('\n'))[0].header).toEqual([
      '序号',
      '主要任务、措施',
      '牵头单位',
      '完成时限',
    ]);
    expect(rowsOf(continued.join('\n'))).toEqual([
      ['十一、', '', '培训全科医生', ['市人社局'], [], '2025年'],
    ]);
    const numbered = continued.map((l) => (l === '\t十一、' ? '\t12.' : l)).join('\n');
    expect(rowsOf(numbered)).toEqual([['12.', '', '培训全科医生', ['市人社局'], [], '2025年']]);
  });

  it('of a one-cell-per-line table may hold a dated column title', () => {
    const text = [
      '\t任务',
      '\t牵头单位',
      '\t完成时间（2025.12）',
      '\t1.',
      '\t培训全科医生',
      '\t市人社局',
      '\t2025年',
      '',
    ].join('\n');
    expect(tables(text)[0].header).toEqual(['任务', '牵头单位', '完成时间(2025.12)']);
  });
});

describe('cells', () => {
  it('are trimmed of spaces and full-width spaces, offsets at their text; a blank cell is empty', () => {
    const text = [
      '序号\t任务\t责任单位\t配合单位\t完成时限',
      '1\t　 建设社区医院 　\t  市卫健委\t   \t2023年',
      '',
    ].join('\n');
    const [row] = tables(text)[0].rows;
    expect(row.text).toBe('建设社区医院');
    expect(row.offset).toBe(text.indexOf('建设社区医院'));
    expect(row.textCells).toEqual([{ text: '建设社区医院', offset: text.indexOf('建设社区医院') }]);
    expect([row.lead, row.participants]).toEqual([['市卫健委'], []]);
  });

  it('of a one-cell-per-line table may be empty, and a unit line with trailing spaces ends a unit', () => {
    const text = [
      '\t序号',
      '\t任务',
      '\t牵头单位',
      '\t配合单位',
      '\t完成时限',
      '\t1.',
      '\t推进医联体建设',
      '\t市卫健委  ',
      '市医保局',
      '\t',
      '\t2023年底前',
      '',
    ].join('\n');
    expect(rowsOf(text)).toEqual([['1.', '', '推进医联体建设', ['市卫健委', '市医保局'], [], '2023年底前']]);
  });

  it('missing at the end of a first row leave it without units rather than failing', () => {
    const text = [
      '序号\t任务\t责任单位\t完成时限',
      '1\t建设社区医院',
      '2\t改造村卫生室\t市财政局\t2024年',
      '',
    ].join('\n');
    expect(rowsOf(text)).toEqual([
      ['1', '', '建设社区医院', [], [], null],
      ['2', '', '改造村卫生室', ['市财政局'], [], '2024年'],
    ]);
  });
});

describe('columns', () => {
  it('take 牵头单位 as the lead wherever it stands, the 责任单位 before it taking part', () => {
    const text = [
      '序号\t工作任务\t责任单位\t其中：牵头单位\t完成时限',
      '1\t建设区域医疗中心\t市卫健委、市发改委\t市卫健委\t2024年',
      '',
    ].join('\n');
    expect(rowsOf(text)).toEqual([['1', '', '建设区域医疗中心', ['市卫健委'], ['市发改委'], '2024年']]);
  });

  it('read a table organised by lead unit, its merged unit cells carried down', () => {
    const text = [
      '牵头单位\t工作任务\t责任单位\t完成时限',
      '市卫健委\t建设区域医疗中心\t市发改委\t2024年',
      '\t完善急救网络\t\t2025年',
      '',
    ].join('\n');
    expect(rowsOf(text)).toEqual([
      ['', '', '建设区域医疗中心', ['市卫健委'], ['市发改委'], '2024年'],
      ['', '', '完善急救网络', ['市卫健委'], ['市发改委'], '2025年'],
    ]);
  });

  it('read a table with units and no deadline, and one with a deadline and no units', () => {
    const units = '项目名称\t建设内容\t责任单位\n区域医疗中心\t新增床位500张\t市卫健委\n';
    expect(rowsOf(units)).toEqual([['', '区域医疗中心', '新增床位500张', ['市卫健委'], [], null]]);
    const dated = '序号\t工作任务\t完成时限\n1\t建设社区医院\t2023年\n';
    expect(rowsOf(dated)).toEqual([['1', '', '建设社区医院', [], [], '2023年']]);
  });

  it('read a schedule whose first column is the time', () => {
    const text = '时间节点\t工作任务\t责任单位\n2023年6月底前\t完成方案编制\t市发改委\n';
    expect(rowsOf(text)).toEqual([['', '', '完成方案编制', ['市发改委'], [], '2023年6月底前']]);
    // a plain 任务 column is the task, not a grouping of tasks
    expect(rowsOf('任务\t牵头单位\t完成时限\n建设社区医院\t市卫健委\t2023年\n')).toEqual([
      ['', '', '建设社区医院', ['市卫健委'], [], '2023年'],
    ]);
  });

  it('leave the goal to a 目标 column standing before the measures', () => {
    const text = [
      '工作目标\t具体措施\t责任单位\t完成时限',
      '基层诊疗量占比达到65%\t推进分级诊疗\t市卫健委\t2025年',
      '',
    ].join('\n');
    const [row] = tables(text)[0].rows;
    expect(row.goalCell).toEqual({ text: '基层诊疗量占比达到65%', offset: 0 + text.indexOf('基层诊疗') });
    expect(row.text).toBe('基层诊疗量占比达到65%\n推进分级诊疗');
  });

  it('do not take a unit column as the group because its title names 任务 or 领域', () => {
    const leadNamed = '工作措施\t任务责任单位\t完成时限\n推进分级诊疗\t市卫健委\t2025年\n';
    expect(rowsOf(leadNamed)).toEqual([['', '', '推进分级诊疗', ['市卫健委'], [], '2025年']]);
    const partNamed =
      '工作措施\t牵头单位\t配合单位（分领域）\t完成时限\n推进分级诊疗\t市卫健委\t市医保局\t2025年\n';
    expect(rowsOf(partNamed)).toEqual([['', '', '推进分级诊疗', ['市卫健委'], ['市医保局'], '2025年']]);
  });
});

describe('cells merged over rows', () => {
  it('carry a 项目名称 down when the table has no group column', () => {
    const text = [
      '项目名称\t建设内容\t责任单位\t完成时间',
      '区域医疗中心\t新增床位500张\t市卫健委\t2024年',
      '\t建设重症监护病区\t\t2025年',
      '',
    ].join('\n');
    expect(rowsOf(text)).toEqual([
      ['', '区域医疗中心', '新增床位500张', ['市卫健委'], [], '2024年'],
      ['', '区域医疗中心', '建设重症监护病区', ['市卫健委'], [], '2025年'],
    ]);
  });

  it('carry the 序号 down always, and the 类别 and units within its merged cells', () => {
    const text = [
      '序号\t类别\t具体任务\t责任单位\t配合单位\t完成时限',
      '1\t基层建设\t建设社区医院\t市卫健委\t市财政局\t2023年',
      '\t\t改造村卫生室\t\t市农业农村局\t2024年',
      '',
    ].join('\n');
    expect(rowsOf(text)).toEqual([
      ['1', '基层建设', '建设社区医院', ['市卫健委'], ['市财政局'], '2023年'],
      ['1', '基层建设', '改造村卫生室', ['市卫健委'], ['市农业农村局'], '2024年'],
    ]);
  });

  it('carry a 领域 and its 项目名称 down together, spaces taken out', () => {
    const text = [
      '领域\t项目名称\t建设内容\t责任单位\t完成时间',
      '医　疗\t市人民 医院扩建\t新增床位500张\t市卫健委\t2024年',
      '\t\t建设发热门诊\t\t2025年',
      '',
    ].join('\n');
    expect(rowsOf(text)).toEqual([
      ['医疗', '市人民医院扩建', '新增床位500张', ['市卫健委'], [], '2024年'],
      ['医疗', '市人民医院扩建', '建设发热门诊', ['市卫健委'], [], '2025年'],
    ]);
  });

  it('skip a row holding only a unit and a date', () => {
    const text = [
      '序号\t任务\t责任单位\t完成时限',
      '1\t建设社区医院\t市卫健委\t2023年',
      '\t\t市发改委\t2024年',
      '2\t改造村卫生室\t市财政局\t2024年',
      '',
    ].join('\n');
    expect(rowsOf(text)).toEqual([
      ['1', '', '建设社区医院', ['市卫健委'], [], '2023年'],
      ['2', '', '改造村卫生室', ['市财政局'], [], '2024年'],
    ]);
  });

  it('keep a row holding only a project name, as a task by that name', () => {
    const text = [
      '项目名称\t建设内容\t责任单位\t完成时间',
      '区域医疗中心\t新增床位500张\t市卫健委\t2024年',
      '县级医院提标改造\t\t市卫健委\t2025年',
      '',
    ].join('\n');
    expect(rowsOf(text)).toEqual([
      ['', '区域医疗中心', '新增床位500张', ['市卫健委'], [], '2024年'],
      ['', '县级医院提标改造', '', ['市卫健委'], [], '2025年'],
    ]);
  });
});

describe('more layouts', () => {
  it('do not make a row of a line without tabs when the first column is the task', () => {
    const text = [
      '任务\t责任单位\t完成时限',
      '建设社区医院\t市卫健委\t2023年',
      '（含农村）',
      '改造村卫生室\t市财政局\t2024年',
      '',
    ].join('\n');
    expect(rowsOf(text).map((r) => r[2])).toEqual(['建设社区医院', '改造村卫生室']);
  });

  it('look for the header in the first three rows only', () => {
    const text = [
      '序号\t建设项目\t实施单位\t完成时限',
      '1\t社区医院建设\t市卫健委\t2024年',
      '2\t村卫生室改造\t市卫健委\t2024年',
      '3\t重点专科建设\t主要由市卫健委实施\t具体时间另定',
      '',
    ].join('\n');
    expect(tables(text)[0].header).toEqual(['序号', '建设项目', '实施单位', '完成时限']);
    expect(tables(text)[0].rows).toHaveLength(3);
  });

  it('keep a 领域 column as the group when a 项目名称 names each row', () => {
    const text = '领域\t项目名称\t责任单位\t完成时间\n医疗\t区域医疗中心\t市卫健委\t2024年\n';
    expect(rowsOf(text)).toEqual([['医疗', '区域医疗中心', '', ['市卫健委'], [], '2024年']]);
  });

  it('read a table organised by lead unit without deadlines, and a schedule without units', () => {
    const byUnit = '牵头单位\t重点任务\t配合单位\n市卫健委\t建设区域医疗中心\t市发改委\n';
    expect(rowsOf(byUnit)).toEqual([['', '', '建设区域医疗中心', ['市卫健委'], ['市发改委'], null]]);
    const schedule = '时间节点\t工作任务\t工作要求\n2023年6月底前\t完成方案编制\t按时报送\n';
    // the 工作任务 column groups the 工作要求 beside it, as in a 序号/工作任务/具体措施 table
    expect(rowsOf(schedule)).toEqual([['完成方案编制', '', '按时报送', [], [], '2023年6月底前']]);
  });
});

describe('主要指标 tables', () => {
  it('read year columns written without 年, and a value with a space in it', () => {
    expect(indicatorsOf('指标\t2020\t2025\n人均预期寿命（岁）\t78.3\t≥ 79.5\n')).toEqual([
      ['人均预期寿命（岁）', '≥ 79.5', '岁', '2025'],
    ]);
  });

  it('leave out a 完成值 column even of the target year', () => {
    const text = '指标\t2025年目标值\t2025年上半年完成值\n城镇新增就业（万人）\t60\t32\n';
    expect(indicatorsOf(text)).toEqual([['城镇新增就业（万人）', '60', '万人', '2025']]);
  });

  it('name the row by its 指标 column, not by a 类别 column before it', () => {
    const text = '类别\t指标\t单位\t2025年\n健康水平\t人均预期寿命\t岁\t79\n';
    expect(indicatorsOf(text)).toEqual([['人均预期寿命', '79', '岁', '2025']]);
  });

  it('take no unit from a 监测单位 column, but from the name, trimmed', () => {
    const text = '指标\t2025年目标\t监测单位\n城镇新增就业（ 万人 ）\t60\t市人社局\n';
    expect(indicatorsOf(text)).toEqual([['城镇新增就业（ 万人 ）', '60', '万人', '2025']]);
  });

  it('name a row starting with a figure by that cell, not by the unit after it', () => {
    const text = '指标\t单位\t2025年\n5G基站数\t个\t1200\n';
    expect(indicatorsOf(text)).toEqual([['5G基站数', '1200', '个', '2025']]);
  });

  it('without a named column, name a row by the text nearest the value', () => {
    const text = '序号\t领域\t主要内容\t2025年\n1\t健康水平\t人均预期寿命（岁）\t79\n';
    expect(indicatorsOf(text)).toEqual([['人均预期寿命（岁）', '79', '岁', '2025']]);
  });

  it('without a named column, name a row by the last text before the value, not a base figure or dash', () => {
    const text = [
      '序号\t主要内容\t2020年\t2025年\t属性',
      '1\t人均预期寿命（岁）\t78.3\t79\t预期性',
      '2\t新建5G基站（万个）\t—\t1.2\t预期性',
      '3\t5G用户普及率\t\t60%以上\t预期性',
      '',
    ].join('\n');
    expect(indicatorsOf(text)).toEqual([
      ['人均预期寿命（岁）', '79', '岁', '2025'],
      ['新建5G基站（万个）', '1.2', '万个', '2025'],
      ['5G用户普及率', '60%以上', '%', '2025'],
    ]);
  });
});
