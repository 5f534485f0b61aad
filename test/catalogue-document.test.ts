/**
 * One whole 实施方案 read end to end (parseDocument): the notice and its plan, items whose title line
 * is alone and whose paragraphs open with their own titles, a note naming lead and partners, a
 * responsibility said in a sentence, a note with a time limit on an item without a figure, stages dated
 * in their headings, a recurring report that is no target, the closing paragraph, and an annex table.
 * The document is written for this test; every expected task and target is read off it by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/core/catalogue/parse.js';

const TEXT = [
  '某市人民政府办公室关于印发某市基层医疗卫生服务能力提升行动实施方案的通知',
  '某政办发〔2022〕15号',
  '各县（市、区）人民政府，市政府各部门：',
  '现将《某市基层医疗卫生服务能力提升行动实施方案》印发给你们，请认真贯彻执行。',
  '某市人民政府办公室',
  '2022年6月15日',
  '某市基层医疗卫生服务能力提升行动实施方案',
  '为提升基层医疗卫生服务能力，制定本方案。到2025年，全市基层诊疗量占比达到65%以上。',
  '一、工作任务',
  '（一）加强机构建设。到2024年底，每个乡镇卫生院至少配备1辆救护车，社区卫生服务中心达标率达到90%。（市卫健委负责，市财政局、市发改委参与）',
  '（二）完善服务模式。',
  '推进家庭医生签约服务。到2025年，常住人口签约覆盖率提高到45%。',
  '促进医养结合。由市民政局负责，市卫健委配合。每个县建成1所医养结合机构。',
  '（三）健全信息系统。建立全市统一的基层医疗卫生信息平台。（牵头单位：市大数据局；完成时限：2023年底前）',
  '二、实施步骤',
  '（一）动员部署阶段（2022年6月—7月）',
  '（二）集中整治阶段（2022年8月—12月）',
  '三、保障措施',
  '（一）加强组织领导。各县（市、区）要成立工作专班，每季度末报送工作进展。',
  '各地、各有关部门要高度重视，确保各项任务落到实处。',
  '附件：重点项目表',
  '附件',
  '重点项目表',
  '序号\t项目名称\t建设内容\t责任单位\t完成时限',
  '1\t市中心医院扩建\t新增床位500张\t市卫健委\t2024年底前',
  '2\t急救网络建设\t建成急救站点\t市卫健委、市财政局\t2023年6月',
  '',
].join('\n');

const doc = parseDocument(TEXT, 'doc.txt');
const taskIndex = (id: string | null) => doc.tasks.findIndex((t) => t.id === id);

describe('a 实施方案 issued with its notice', () => {
  it('reads the notice’s 文号, issuer and date, and no warning', () => {
    expect(doc.document).toMatchObject({
      docNumber: '某政办发〔2022〕15号',
      issuer: '某市人民政府办公室',
      date: '2022-06-15',
      source: 'doc.txt',
    });
    expect(doc.warnings).toEqual([]);
  });

  it('builds the heading tree of the plan, not of the annex', () => {
    expect(doc.headings.map((h) => [h.label, h.level, h.text])).toEqual([
      ['一、', 1, '工作任务'],
      ['（一）', 2, '加强机构建设'],
      ['（二）', 2, '完善服务模式'],
      ['（三）', 2, '健全信息系统'],
      ['二、', 1, '实施步骤'],
      ['（一）', 2, '动员部署阶段（2022年6月—7月）'],
      ['（二）', 2, '集中整治阶段（2022年8月—12月）'],
      ['三、', 1, '保障措施'],
      ['（一）', 2, '加强组织领导'],
    ]);
    expect(doc.headings[1].offset).toBe(TEXT.indexOf('（一）加强'));
  });

  it('makes a task of each leaf item and of each titled paragraph, with the units its note or sentence names', () => {
    expect(doc.tasks.map((t) => [t.path, t.title, t.lead, t.participants, t.origin])).toEqual([
      [['一、', '（一）'], '加强机构建设', ['市卫健委'], ['市财政局', '市发改委'], 'text'],
      [['一、', '（二）'], '推进家庭医生签约服务', [], [], 'text'],
      [['一、', '（二）'], '促进医养结合', ['市民政局'], ['市卫健委'], 'text'],
      [['一、', '（三）'], '健全信息系统', ['市大数据局'], [], 'text'],
      [['二、', '（一）'], '动员部署阶段（2022年6月—7月）', [], [], 'text'],
      [['二、', '（二）'], '集中整治阶段（2022年8月—12月）', [], [], 'text'],
      [['三、', '（一）'], '加强组织领导', [], [], 'text'],
      [['附件', '1', '市中心医院扩建'], '市中心医院扩建', ['市卫健委'], [], 'table'],
      [['附件', '2', '急救网络建设'], '急救网络建设', ['市卫健委', '市财政局'], [], 'table'],
    ]);
  });

  it('keeps an item’s text without its note and without the closing paragraph', () => {
    expect(doc.tasks[0].text).toBe(
      '到2024年底，每个乡镇卫生院至少配备1辆救护车，社区卫生服务中心达标率达到90%。',
    );
    expect(doc.tasks[2].text).toBe('促进医养结合。由市民政局负责，市卫健委配合。每个县建成1所医养结合机构。');
    expect(doc.tasks[3].text).toBe('建立全市统一的基层医疗卫生信息平台。');
    expect(doc.tasks[6].text).toBe('各县（市、区）要成立工作专班，每季度末报送工作进展。');
    expect(doc.tasks[1].offset).toBe(TEXT.indexOf('推进家庭医生'));
  });
});

describe('its targets', () => {
  const rows = doc.targets.map((t) => ({
    task: taskIndex(t.taskId),
    quote: t.quote,
    comparator: t.comparator,
    value: t.value,
    unit: t.unit,
    deadline: t.deadline,
    lead: t.lead,
    participants: t.participants,
  }));

  it('reads the preamble’s goal outside any task', () => {
    expect(rows[0]).toEqual({
      task: -1,
      quote: '全市基层诊疗量占比达到65%以上',
      comparator: '>=',
      value: 65,
      unit: '%',
      deadline: '2025',
      lead: [],
      participants: [],
    });
    expect(doc.targets[0].path).toEqual([]);
  });

  it('gives the items’ figures their dates and the units of their task', () => {
    expect(rows.slice(1, 5)).toEqual([
      {
        task: 0,
        quote: '每个乡镇卫生院至少配备1辆救护车',
        comparator: '>=',
        value: 1,
        unit: '辆',
        deadline: '2024',
        lead: ['市卫健委'],
        participants: ['市财政局', '市发改委'],
      },
      {
        task: 0,
        quote: '社区卫生服务中心达标率达到90%',
        comparator: '>=',
        value: 90,
        unit: '%',
        deadline: '2024',
        lead: ['市卫健委'],
        participants: ['市财政局', '市发改委'],
      },
      {
        task: 1,
        quote: '常住人口签约覆盖率提高到45%',
        comparator: '>=',
        value: 45,
        unit: '%',
        deadline: '2025',
        lead: [],
        participants: [],
      },
      {
        task: 2,
        quote: '每个县建成1所医养结合机构',
        comparator: '=',
        value: 1,
        unit: '所',
        deadline: null,
        lead: ['市民政局'],
        participants: ['市卫健委'],
      },
    ]);
  });

  it('makes a milestone of an item dated only by its note, and of each dated stage', () => {
    expect(rows.slice(5, 8).map((r) => [r.task, r.quote, r.comparator, r.deadline, r.lead])).toEqual([
      [3, '建立全市统一的基层医疗卫生信息平台。', 'milestone', '2023', ['市大数据局']],
      [4, '动员部署阶段（2022年6月—7月）', 'milestone', '2022-07', []],
      [5, '集中整治阶段（2022年8月—12月）', 'milestone', '2022-12', []],
    ]);
  });

  it('reads the annex rows: a figure dated by 完成时限, and a row without a figure as a milestone', () => {
    expect(rows.slice(8)).toEqual([
      {
        task: 7,
        quote: '新增床位500张',
        comparator: '=',
        value: 500,
        unit: '张',
        deadline: '2024',
        lead: ['市卫健委'],
        participants: [],
      },
      {
        task: 8,
        quote: '建成急救站点',
        comparator: 'milestone',
        value: null,
        unit: null,
        deadline: '2023-06',
        lead: ['市卫健委', '市财政局'],
        participants: [],
      },
    ]);
  });

  it('makes no target of a recurring report', () => {
    expect(rows.filter((r) => r.task === 6)).toEqual([]);
    expect(rows).toHaveLength(10);
  });
});
