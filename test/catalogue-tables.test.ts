/**
 * Tables pasted into policy texts (findTables): which column is the lead, the partners, the deadline,
 * the group, the category, the goal; cells merged over rows; 主要指标 tables read at the latest year's
 * column; Word's one-cell-per-line export. The tables are written for this test the way 实施方案 annexes
 * lay them out; the expected rows are read off by hand.
 */
import { describe, expect, it } from 'vitest';
import { findTables } from '../src/core/catalogue/table.js';
import { splitLines } from '../src/core/catalogue/text.js';

const tables = (text: string) => findTables(text, splitLines(text), 0);
const rowsOf = (text: string) =>
  tables(text).flatMap((t) =>
    t.rows.map((r) => ({
      group: r.group,
      category: r.category,
      text: r.text,
      goal: r.goalCell?.text ?? null,
      deadline: r.deadlineCell?.text ?? null,
      lead: r.lead,
      participants: r.participants,
      offset: r.offset,
    })),
  );

describe('a task table with 牵头单位 and 责任单位 columns', () => {
  const text = [
    '附件',
    '重点任务分工表',
    '序号\t工作任务\t具体措施\t牵头单位\t责任单位\t完成时限',
    '1\t提升医疗服务能力\t建成区域医疗中心3个\t市卫健委\t市发改委、市财政局\t2023年底前',
    '2\t\t推进紧密型县域医共体建设\t\t\t2024年6月底前',
    '3\t加强人才队伍建设\t每年招聘医学毕业生200名\t市人社局\t市卫健委\t每年12月底前',
    '',
  ].join('\n');

  it('finds the table from its header line and names the columns', () => {
    const [t] = tables(text);
    expect(t.header).toEqual(['序号', '工作任务', '具体措施', '牵头单位', '责任单位', '完成时限']);
    expect([t.fromLine, t.toLine]).toEqual([2, 5]);
    expect(t.start).toBe(text.indexOf('序号'));
    expect(t.end).toBe(text.indexOf('每年12月底前') + '每年12月底前'.length);
    expect(t.indicators).toEqual([]);
  });

  it('reads 牵头单位 as lead and 责任单位 as partners; a row without units takes the row above’s', () => {
    expect(rowsOf(text)).toEqual([
      {
        group: '1',
        category: '',
        text: '提升医疗服务能力\n建成区域医疗中心3个',
        goal: '建成区域医疗中心3个',
        deadline: '2023年底前',
        lead: ['市卫健委'],
        participants: ['市发改委', '市财政局'],
        offset: text.indexOf('提升医疗服务能力'),
      },
      {
        group: '2',
        category: '',
        text: '推进紧密型县域医共体建设',
        goal: '推进紧密型县域医共体建设',
        deadline: '2024年6月底前',
        lead: ['市卫健委'],
        participants: ['市发改委', '市财政局'],
        offset: text.indexOf('推进紧密型'),
      },
      {
        group: '3',
        category: '',
        text: '加强人才队伍建设\n每年招聘医学毕业生200名',
        goal: '每年招聘医学毕业生200名',
        deadline: '每年12月底前',
        lead: ['市人社局'],
        participants: ['市卫健委'],
        offset: text.indexOf('加强人才队伍建设'),
      },
    ]);
  });
});

describe('a project table grouped by 领域, with 项目名称, 建设目标 and 备注', () => {
  const text = [
    '领域\t项目名称\t建设内容\t建设目标\t责任单位\t完成时间\t备注',
    '医疗\t市人民医院扩建\t新增床位500张\t建成三级甲等医院\t市卫健委\t2024年\t',
    '\t县医院提标\t改造病房\t达到二级甲等标准\t县政府\t2023年\t续建',
    '养老\t\t建设养老服务中心\t每县1个\t市民政局\t2025年\t',
  ].join('\n');

  it('carries a merged group cell down, keeps the category per row, and reads the goal from 建设目标', () => {
    expect(rowsOf(text)).toEqual([
      {
        group: '医疗',
        category: '市人民医院扩建',
        text: '新增床位500张\n建成三级甲等医院',
        goal: '建成三级甲等医院',
        deadline: '2024年',
        lead: ['市卫健委'],
        participants: [],
        offset: text.indexOf('市人民医院扩建'),
      },
      {
        group: '医疗',
        category: '县医院提标',
        text: '改造病房\n达到二级甲等标准',
        goal: '达到二级甲等标准',
        deadline: '2023年',
        lead: ['县政府'],
        participants: [],
        offset: text.indexOf('县医院提标'),
      },
      {
        group: '养老',
        category: '',
        text: '建设养老服务中心\n每县1个',
        goal: '每县1个',
        deadline: '2025年',
        lead: ['市民政局'],
        participants: [],
        offset: text.indexOf('建设养老服务中心'),
      },
    ]);
  });

  it('needs three columns', () => {
    expect(tables('项目\t责任单位\n医院扩建\t市卫健委\n')).toEqual([]);
  });
});

describe('a 主要指标 table', () => {
  it('reads the latest year’s column, with the unit column, and skips a row with no figure', () => {
    const text = [
      '表1 主要指标',
      '指标\t单位\t2020年\t2025年\t属性',
      '人均预期寿命\t岁\t78.3\t79\t预期性',
      '每千人口执业（助理）医师数\t人\t2.9\t≥3.2\t约束性',
      '健康素养水平\t%\t20\t—\t预期性',
      '',
    ].join('\n');
    const [t] = tables(text);
    expect(t.rows).toEqual([]);
    expect(t.indicators).toEqual([
      {
        name: { text: '人均预期寿命', offset: text.indexOf('人均预期寿命') },
        value: { text: '79', offset: text.indexOf('\t79\t') + 1 },
        unit: '岁',
        year: '2025',
      },
      {
        name: { text: '每千人口执业（助理）医师数', offset: text.indexOf('每千人口') },
        value: { text: '≥3.2', offset: text.indexOf('≥3.2') },
        unit: '人',
        year: '2025',
      },
    ]);
  });

  it('leaves out the base-year column, takes the unit from the name, and skips a row with no name', () => {
    const text = '指标名称\t基期值（2021年）\t目标值（2025年）\n城镇新增就业（万人）\t52\t60\n1\t2\t90%\n';
    const [t] = tables(text);
    expect(t.indicators).toEqual([
      {
        name: { text: '城镇新增就业（万人）', offset: text.indexOf('城镇') },
        value: { text: '60', offset: text.indexOf('60') },
        unit: '万人',
        year: '2025',
      },
    ]);
  });

  it('is no table without a year or 目标 column', () => {
    expect(tables('指标\t单位\t属性\n人均预期寿命\t岁\t预期性\n')).toEqual([]);
  });
});

describe('a table exported one cell per line', () => {
  it('takes the leading short cells as the header and glues a unit broken over two lines', () => {
    const text = [
      '\t序号',
      '\t任务',
      '\t牵头单位',
      '\t完成时限',
      '\t1.',
      '\t建立健全',
      '家庭医生签约服务制度',
      '\t市卫生',
      '健康委',
      '\t2023年底前',
      '',
      '二、保障措施',
    ].join('\n');
    const [t] = tables(text);
    expect(t.header).toEqual(['序号', '任务', '牵头单位', '完成时限']);
    expect(rowsOf(text)).toEqual([
      {
        group: '1.',
        category: '',
        text: '建立健全\n家庭医生签约服务制度',
        goal: '建立健全\n家庭医生签约服务制度',
        deadline: '2023年底前',
        lead: ['市卫生健康委'],
        participants: [],
        offset: text.indexOf('建立健全'),
      },
    ]);
    expect(t.end).toBe(text.indexOf('2023年底前') + '2023年底前'.length);
  });
});

describe('rows shorter than the header', () => {
  it('are padded with empty cells, the group carried down when one column is both task and 事项', () => {
    const text = [
      '重点任务事项\t具体内容\t责任单位\t完成时限',
      '推进医联体建设\t组建城市医疗集团2个\t市卫健委\t2023年底前',
      '\t推进县域医共体建设\t市医保局',
      '',
    ].join('\n');
    expect(rowsOf(text).map((r) => [r.group, r.category, r.text, r.lead, r.deadline])).toEqual([
      ['推进医联体建设', '', '组建城市医疗集团2个', ['市卫健委'], '2023年底前'],
      ['推进医联体建设', '', '推进县域医共体建设', ['市医保局'], null],
    ]);
  });

  it('take the units of the row above when they name none, but not its deadline', () => {
    const text = [
      '序号\t任务\t责任单位\t配合单位\t完成时限',
      '1\t建设区域医疗中心\t市卫健委\t市发改委\t2024年',
      '2\t完善急救网络',
      '3\t推进智慧医院建设\t市大数据局\t\t2025年',
      '',
    ].join('\n');
    expect(rowsOf(text).map((r) => [r.group, r.text, r.lead, r.participants, r.deadline])).toEqual([
      ['1', '建设区域医疗中心', ['市卫健委'], ['市发改委'], '2024年'],
      ['2', '完善急救网络', ['市卫健委'], ['市发改委'], null],
      ['3', '推进智慧医院建设', ['市大数据局'], [], '2025年'],
    ]);
  });
});

describe('a table under a title row, grouped by 序号 with a 类别 column', () => {
  const text = [
    '重点任务清单\t\t',
    '序号\t任务类别\t具体任务\t责任单位\t完成时限',
    '1\t基层建设\t建设社区医院\t市卫健委\t2023年',
    '2\t\t改造村卫生室\t\t2024年',
    '\t\t\t\t',
    '3\t人才培养\t培训全科医生\t市人社局\t2025年',
    '',
  ].join('\n');

  it('takes the row naming most columns as the header and carries the 类别 down, skipping empty rows', () => {
    const [t] = tables(text);
    expect(t.header).toEqual(['序号', '任务类别', '具体任务', '责任单位', '完成时限']);
    expect(t.fromLine).toBe(0);
    expect(rowsOf(text).map((r) => [r.group, r.category, r.text, r.lead, r.deadline, r.offset])).toEqual([
      ['1', '基层建设', '建设社区医院', ['市卫健委'], '2023年', text.indexOf('基层建设')],
      ['2', '基层建设', '改造村卫生室', ['市卫健委'], '2024年', text.indexOf('基层建设')],
      ['3', '人才培养', '培训全科医生', ['市人社局'], '2025年', text.indexOf('人才培养')],
    ]);
  });
});

describe('a 主要指标 table with 现状值 and 目标值 columns', () => {
  it('reads the 目标值 column, a unit in the name or a % in the value, and skips a value too long to be a figure', () => {
    const text = [
      '指标\t现状值\t目标值\t备注',
      '人均预期寿命（岁）\t78.3\t79以上\t',
      '健康素养水平\t25\t30%\t',
      '重大慢性病过早死亡率\t16\t较2020年下降10个百分点以上并保持稳定水平\t',
      '',
    ].join('\n');
    expect(tables(text)[0].indicators.map((r) => [r.name.text, r.value.text, r.unit, r.year])).toEqual([
      ['人均预期寿命（岁）', '79以上', '岁', null],
      ['健康素养水平', '30%', '%', null],
    ]);
  });

  it('reads the latest year’s column wherever it stands', () => {
    const text = '项目\t2020年\t2025年\t2023年\n床位数\t100\t150\t120\n';
    expect(tables(text)[0].indicators.map((r) => [r.name.text, r.value.text, r.year])).toEqual([
      ['床位数', '150', '2025'],
    ]);
  });
});
