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

// parsed inside each test (a mutation run activates its change per test, not while collecting)
const parsed = () => parseDocument(TEXT, 'doc.txt');

describe('a 实施方案 issued with its notice', () => {
  it('reads the notice’s 文号, issuer and date, and no warning', () => {
    const doc = parsed();
    expect(doc.document).toMatchObject({
      docNumber: '某政办发〔2022〕15号',
      issuer: '某市人民政府办公室',
      date: '2022-06-15',
      source: 'doc.txt',
    });
    expect(doc.warnings).toEqual([]);
  });

  it('builds the heading tree of the plan, not of the annex', () => {
    const doc = parsed();
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
    const doc = parsed();
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
    const doc = parsed();
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
  const targetRows = () => {
    const doc = parsed();
    return doc.targets.map((t) => ({
      task: doc.tasks.findIndex((k) => k.id === t.taskId),
      quote: t.quote,
      comparator: t.comparator,
      value: t.value,
      unit: t.unit,
      deadline: t.deadline,
      lead: t.lead,
      participants: t.participants,
    }));
  };

  it('reads the preamble’s goal outside any task', () => {
    const doc = parsed();
    const rows = targetRows();
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
    const rows = targetRows();
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
    const rows = targetRows();
    expect(rows.slice(5, 8).map((r) => [r.task, r.quote, r.comparator, r.deadline, r.lead])).toEqual([
      [3, '建立全市统一的基层医疗卫生信息平台。', 'milestone', '2023', ['市大数据局']],
      [4, '动员部署阶段（2022年6月—7月）', 'milestone', '2022-07', []],
      [5, '集中整治阶段（2022年8月—12月）', 'milestone', '2022-12', []],
    ]);
  });

  it('reads the annex rows: a figure dated by 完成时限, and a row without a figure as a milestone', () => {
    const rows = targetRows();
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
    const rows = targetRows();
    expect(rows.filter((r) => r.task === 6)).toEqual([]);
    expect(rows).toHaveLength(10);
  });
});

describe('a notice whose numbered points come before the plan it issues', () => {
  const text = [
    '某县卫生健康局关于做好2023年基层卫生工作的通知',
    '各乡镇卫生院：',
    '现就做好2023年基层卫生工作通知如下：',
    '一、高度重视。各乡镇要把基层卫生工作摆上重要议事日程。',
    '二、抓好落实。请于2023年3月底前报送实施方案。',
    '某县卫生健康局',
    '2023年2月10日',
    '某县2023年基层卫生工作要点',
    '一、主要目标',
    '（一）总体目标。全面提升服务质量。',
    '表1 主要指标',
    '指标\t单位\t2022年\t2023年',
    '家庭医生签约率\t%\t40\t45',
    '二、重点工作',
    '（一）推进标准化建设',
    '——完善设施设备。为乡镇卫生院配备DR设备，',
    '确保12月底前全部投入使用。',
    '——提升人员素质。每个乡镇卫生院至少招聘2名全科医生。',
    '专栏1 基层能力提升工程',
    '新建村卫生室20个。',
    '（二）加强督导考核。县卫生健康局每半年开展一次督导。',
    '',
  ].join('\n');
  const parse = () => parseDocument(text, 'doc.txt');

  it('reads the notice’s points and the plan’s items as tasks; the signature between them ends a point only', () => {
    const d = parse();
    expect(d.document.date).toBe('2023-02-10');
    expect(d.tasks.map((t) => [t.path, t.title])).toEqual([
      [['一、'], '高度重视'],
      [['二、'], '抓好落实'],
      [['一、', '（一）'], '总体目标'],
      [['二、', '（一）'], '完善设施设备'],
      [['二、', '（一）'], '提升人员素质'],
      [['二、', '（一）'], '专栏1 基层能力提升工程'],
      [['二、', '（二）'], '加强督导考核'],
    ]);
    expect(d.tasks[1].text).toBe('请于2023年3月底前报送实施方案。');
  });

  it('keeps a line broken mid-sentence in its paragraph, and splits at —— titles and 专栏', () => {
    const d = parse();
    expect(d.tasks[3].text).toBe('——完善设施设备。为乡镇卫生院配备DR设备，\n确保12月底前全部投入使用。');
    expect(d.tasks[4].text).toBe('——提升人员素质。每个乡镇卫生院至少招聘2名全科医生。');
  });

  it('dates a month without a year in the document year, and a half-yearly duty from the document month', () => {
    const d = parse();
    const task = (id: string | null) => d.tasks.find((t) => t.id === id)?.title ?? null;
    const m = d.targets.map((t) => [
      task(t.taskId),
      t.comparator,
      t.value,
      t.unit,
      t.deadline,
      t.cycle ?? null,
    ]);
    expect(m).toEqual([
      ['抓好落实', 'milestone', null, null, '2023-03', null],
      ['完善设施设备', 'milestone', null, null, '2023-12', null],
      ['提升人员素质', '>=', 2, '名', null, null],
      ['专栏1 基层能力提升工程', '=', 20, '个', null, null],
      ['加强督导考核', 'milestone', null, null, '2023-06', 'half-year'],
      ['总体目标', '=', 45, '%', '2023', null],
    ]);
    // the doer named as the sentence's subject
    expect(d.targets[4].lead).toEqual(['县卫生健康局']);
    // the 主要指标 table under an item belongs to that item
    expect(d.targets[5].path).toEqual(['一、', '（一）']);
  });
});

describe('a text without headings', () => {
  it('is read sentence by sentence, with a warning', () => {
    const text = [
      '某市2023年老龄工作要点',
      '2023年，全市老龄工作要以积极应对人口老龄化为主线，推动养老服务高质量发展。',
      '全年新增养老床位1000张，建成社区嵌入式养老服务中心10个。',
      '各地要加强组织领导，确保工作落实。',
      '某市老龄办',
      '2023年3月1日',
      '',
    ].join('\n');
    const d = parseDocument(text, '要点.txt');
    expect(d.warnings).toEqual([
      '要点.txt 没有“一、”“（一）”等标题层级，已按句子逐句提取指标（未拆分任务），请在目录审核中重点核对',
    ]);
    expect(d.tasks).toEqual([]);
    expect(d.targets.filter((t) => t.value !== null).map((t) => [t.quote, t.value, t.unit])).toEqual([
      ['全年新增养老床位1000张', 1000, '张'],
      ['建成社区嵌入式养老服务中心10个', 10, '个'],
    ]);
  });

  it('refuses an empty text and a text with no structure, in Chinese', () => {
    expect(() => parseDocument('  \n', '空.txt')).toThrow('空.txt 是空文件（没有任何文字），无法生成目录');
    expect(() => parseDocument('关于开会的通知\n明天开会\n', '会.txt')).toThrow(
      '会.txt 中没有找到任何标题层级（如“一、”“（一）”“1.”“第一章”），看起来不是政策文件正文，无法拆分任务',
    );
  });
});

describe('who does a figure when its sentence names a doer', () => {
  const text = [
    '某市人民政府关于改善人居环境的实施意见',
    '某政发〔2022〕8号',
    '一、重点任务',
    '（一）改善人居环境。市生态环境局要确保空气质量优良天数比率达到85%；各县（市、区）要确保饮用水水源地水质达标率达到100%；市城管局要确保城市污水处理率达到95%；市水务集团要确保再生水利用率达到25%。（市住建局负责，市生态环境局、市水利局参与）',
    '（二）推进垃圾分类。各县（市、区）要确保生活垃圾回收利用率达到35%。',
    '某市人民政府',
    '2022年5月6日',
    '',
  ].join('\n');
  const parse = () => parseDocument(text, 'doc.txt');

  it('keeps the note’s units when the doer is one the note names, a place, or an institution', () => {
    const d = parse();
    const units = d.targets.map((t) => [t.value, t.lead, t.participants]);
    expect(units[0]).toEqual([85, ['市住建局'], ['市生态环境局', '市水利局']]);
    expect(units[1]).toEqual([100, ['市住建局'], ['市生态环境局', '市水利局']]);
    expect(units[3]).toEqual([25, ['市住建局'], ['市生态环境局', '市水利局']]);
  });

  it('gives the figure to a body the note does not name, and to the places addressed where no note names one', () => {
    const d = parse();
    const units = d.targets.map((t) => [t.value, t.lead, t.participants]);
    expect(units[2]).toEqual([95, ['市城管局'], []]);
    expect(units[4]).toEqual([35, ['各县（市、区）'], []]);
    expect(d.tasks[1].lead).toEqual([]);
  });
});

describe('paragraphs under an item', () => {
  const text = [
    '某市人民政府关于推进分级诊疗的实施意见',
    '一、重点任务',
    '（一）推进分级诊疗',
    '健全制度。建立分级诊疗制度体系。',
    '各县要加强领导。确保落实到位。',
    '完善网络。短句。',
    '——提升能力：加强全科医生培训。',
    '（二）加强监管。完善监管制度。',
    '强化考核。建立考核评价机制，每年开展一次考核。',
    '到2025年。全面完成改革任务。',
    '二、保障措施',
    '加强组织领导，市卫健委要会同有关部门抓好落实。',
    '某市人民政府',
    '2022年5月6日',
    '',
  ].join('\n');
  const parse = () => parseDocument(text, 'doc.txt');

  it('start a task at a short title sentence or a —— title, but not at 各…/到… or a paragraph too short to have a body', () => {
    const d = parse();
    expect(d.tasks.map((t) => [t.path, t.title, t.text])).toEqual([
      [
        ['一、', '（一）'],
        '健全制度',
        '健全制度。建立分级诊疗制度体系。\n各县要加强领导。确保落实到位。\n完善网络。短句。',
      ],
      [['一、', '（一）'], '提升能力', '——提升能力：加强全科医生培训。'],
      [['一、', '（二）'], '加强监管', '完善监管制度。'],
      [
        ['一、', '（二）'],
        '强化考核',
        '强化考核。建立考核评价机制，每年开展一次考核。\n到2025年。全面完成改革任务。',
      ],
      [['二、'], '保障措施', '加强组织领导，市卫健委要会同有关部门抓好落实。'],
    ]);
    expect(d.tasks.map((t) => t.offset)).toEqual([
      text.indexOf('健全制度'),
      text.indexOf('——提升能力'),
      text.indexOf('（二）加强监管'),
      text.indexOf('强化考核'),
      text.indexOf('二、保障措施'),
    ]);
  });
});
