/**
 * The 目录审核 corrections applied to a small catalogue written out by hand (two documents, three
 * tasks, four targets), so each rule shows on its own: what a reviewer sees in the sheet's columns,
 * a confirmed target left as it was, deleted targets dropped from links and kept on record, added
 * targets found in the text (widths and spaces aside) under the task that holds them, and corrections
 * whose id is gone (set aside, or carried by their quote). Expected values are read off by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Catalogue, PolicyDocument, Target, Task } from '../src/core/model/catalogue.js';
import {
  applyCorrections,
  correctableText,
  type TargetCorrection,
} from '../src/core/catalogue/corrections.js';

const PLAN =
  '一、提升医疗服务能力\n到２０２５年，全市新建社区医院10所。（市卫健委负责，市财政局参与）\n人均体育场地面积达到2.6平方米。\n二、加强人才队伍建设\n每年招聘医学毕业生200名。\n';
const CARE = '建成市级养老服务指导中心。\n';
const at = (s: string) => PLAN.indexOf(s);

const DOCS: PolicyDocument[] = [
  {
    id: 'wsj-2023-5',
    title: '某市卫生健康事业发展规划',
    docNumber: '某卫发〔2023〕5号',
    issuer: '某市卫生健康委员会',
    date: '2023-03-01',
    source: '卫生健康规划.docx',
    textHash: 'aaaa',
  },
  {
    id: 'mzj-2023-2',
    title: '某市养老服务实施方案',
    docNumber: null,
    issuer: null,
    date: null,
    source: '养老.txt',
    textHash: 'bbbb',
  },
];

const task = (
  id: string,
  documentId: string,
  path: string[],
  offset: number,
  origin: Task['origin'] = 'text',
): Task => ({
  id,
  documentId,
  path,
  title: path.join(''),
  text: '',
  lead: id === 'T1' ? ['市卫健委'] : ['市人社局'],
  participants: id === 'T1' ? ['市财政局'] : [],
  origin,
  offset,
});

const target = (fields: Partial<Target> & Pick<Target, 'id' | 'quote' | 'offset'>): Target => ({
  documentId: 'wsj-2023-5',
  taskId: 'T1',
  path: ['一、'],
  indicator: '',
  comparator: '>=',
  value: null,
  valueMax: null,
  unit: null,
  normalizedValue: null,
  baseUnit: null,
  deadline: null,
  perYear: false,
  perUnit: null,
  linked: [],
  lead: ['市卫健委'],
  participants: ['市财政局'],
  ...fields,
});

const HOSPITALS = target({
  id: 'wsj-2023-5/1/Ma1',
  quote: '到２０２５年，全市新建社区医院10所',
  offset: at('到２０２５年'),
  indicator: '新建社区医院',
  name: '社区医院',
  kind: 'total',
  value: 10,
  unit: '所',
  normalizedValue: 10,
  baseUnit: '所',
  deadline: '2025',
  linked: ['wsj-2023-5/2/Mb2'],
});
const SPORTS = target({
  id: 'wsj-2023-5/1/Ma3',
  quote: '人均体育场地面积达到2.6平方米',
  offset: at('人均体育'),
  indicator: '体育场地面积',
  value: 2.6,
  unit: '平方米',
  normalizedValue: 2.6,
  baseUnit: '平方米',
});
const GRADUATES = target({
  id: 'wsj-2023-5/2/Mb2',
  taskId: 'T2',
  path: ['二、'],
  quote: '每年招聘医学毕业生200名',
  offset: at('每年招聘'),
  indicator: '招聘医学毕业生',
  name: '招聘医学毕业生人数',
  kind: 'total',
  comparator: 'range',
  value: 200,
  valueMax: 300,
  unit: '名',
  normalizedValue: 200,
  baseUnit: '名',
  perYear: true,
  linked: ['wsj-2023-5/1/Ma1'],
  lead: ['市人社局'],
  participants: [],
});
const CENTRE = target({
  id: 'mzj-2023-2/0/Mc1',
  documentId: 'mzj-2023-2',
  taskId: null,
  path: [],
  quote: '建成市级养老服务指导中心',
  offset: 0,
  indicator: '建成市级养老服务指导中心',
  comparator: 'milestone',
  lead: ['市民政局', '市发改委'],
  participants: [],
});

function catalogue(): Catalogue {
  return {
    format: 'luoshi-catalogue',
    formatVersion: 1,
    version: 'test',
    documents: DOCS,
    headings: [],
    tasks: [
      task('T1', 'wsj-2023-5', ['一、'], at('到２０２５年')),
      // a table row and another document's task, both starting nearer a quote than T1: neither holds it
      task('T9', 'wsj-2023-5', ['附件'], at('全市新建'), 'table'),
      task('T8', 'mzj-2023-2', ['一、'], at('全市新建')),
      task('T2', 'wsj-2023-5', ['二、'], at('每年招聘')),
    ],
    targets: [HOSPITALS, SPORTS, GRADUATES, CENTRE],
  };
}

const TEXTS = new Map([
  ['wsj-2023-5', PLAN],
  ['mzj-2023-2', CARE],
]);
const apply = (corrections: TargetCorrection[], cat = catalogue(), texts = TEXTS) =>
  applyCorrections(cat, { source: '目录审核.xlsx', corrections }, texts);
const edit = (
  row: number,
  targetId: string,
  fields: TargetCorrection['fields'],
  quote?: string,
): TargetCorrection => ({
  row,
  action: 'edit',
  targetId,
  fields,
  ...(quote ? { quote } : {}),
});
const add = (
  row: number,
  document: string,
  quote: string,
  fields: TargetCorrection['fields'] = {},
): TargetCorrection => ({
  row,
  action: 'add',
  targetId: null,
  document,
  quote,
  fields,
});

describe('what a reviewer sees of a target', () => {
  it('writes each field as the sheet shows it', () => {
    expect(correctableText(HOSPITALS)).toEqual({
      指标: '新建社区医院',
      简称: '社区医院',
      比较: '≥',
      目标值: '10',
      上限: '',
      单位: '所',
      指标类型: '总量',
      期限: '2025',
      每年: '否',
      牵头单位: '市卫健委',
      参与单位: '市财政局',
    });
    expect(correctableText(GRADUATES)).toMatchObject({
      比较: '区间',
      目标值: '200',
      上限: '300',
      每年: '是',
    });
    expect(correctableText(CENTRE)).toEqual({
      指标: '建成市级养老服务指导中心',
      简称: '',
      比较: '节点',
      目标值: '',
      上限: '',
      单位: '',
      指标类型: '节点',
      期限: '',
      每年: '否',
      牵头单位: '市民政局、市发改委',
      参与单位: '',
    });
  });

  it('derives a missing kind from the whole quote, where 人均 may stand outside the indicator', () => {
    expect(correctableText(SPORTS).指标类型).toBe('人均');
  });
});

describe('confirming and editing', () => {
  it('leaves a confirmed target exactly as it was, its kind and short name included', () => {
    const r = apply([{ row: 3, action: 'confirm', targetId: HOSPITALS.id, fields: {} }]);
    expect(r.catalogue.targets[0]).toEqual({ ...HOSPITALS, corrected: 'confirmed' });
    expect(r.applied).toBe(1);
    expect('deletedTargets' in r.catalogue).toBe(false);
  });

  it('keeps the short name when only the figures change, and applies two rows on one target in turn', () => {
    const r = apply([edit(3, HOSPITALS.id, { value: 12 }), edit(4, HOSPITALS.id, { deadline: '2026' })]);
    expect(r.catalogue.targets[0]).toMatchObject({
      name: '社区医院',
      value: 12,
      normalizedValue: 12,
      deadline: '2026',
      corrected: 'edited',
    });
    expect(r.applied).toBe(2);
  });

  it('names a target that had no short name, and names it again from a new indicator', () => {
    const confirmed = apply([{ row: 3, action: 'confirm', targetId: SPORTS.id, fields: {} }]);
    expect(confirmed.catalogue.targets.find((t) => t.id === SPORTS.id)?.name).toBe('体育场地面积');
    const renamed = apply([edit(3, HOSPITALS.id, { indicator: '新建社区医院机构' })]);
    expect(renamed.catalogue.targets[0]).toMatchObject({
      indicator: '新建社区医院机构',
      name: '社区医院机构数',
    });
  });

  it('keeps an upper bound of a range edited in other fields, and rescales its unit', () => {
    const r = apply([edit(3, GRADUATES.id, { unit: '万名', value: 0.02 })]);
    expect(r.catalogue.targets.find((t) => t.id === GRADUATES.id)).toMatchObject({
      comparator: 'range',
      value: 0.02,
      valueMax: 300,
      unit: '万名',
      normalizedValue: 200,
      baseUnit: '名',
    });
  });
});

describe('deleting', () => {
  it('drops the target, unlinks it from the others and keeps it on record after earlier deletions', () => {
    const cat = catalogue();
    cat.deletedTargets = [
      { id: 'wsj-2023-5/1/Mold', documentId: 'wsj-2023-5', quote: '旧的一句', indicator: '旧指标' },
    ];
    const r = apply([{ row: 5, action: 'delete', targetId: HOSPITALS.id, fields: {} }], cat);
    expect(r.catalogue.targets.map((t) => t.id)).toEqual([SPORTS.id, GRADUATES.id, CENTRE.id]);
    expect(r.catalogue.targets.find((t) => t.id === GRADUATES.id)?.linked).toEqual([]);
    expect(r.catalogue.deletedTargets).toEqual([
      { id: 'wsj-2023-5/1/Mold', documentId: 'wsj-2023-5', quote: '旧的一句', indicator: '旧指标' },
      { id: HOSPITALS.id, documentId: 'wsj-2023-5', quote: HOSPITALS.quote, indicator: '新建社区医院' },
    ]);
    // the catalogue passed in is not changed
    expect(cat.targets).toHaveLength(4);
  });
});

describe('adding a target', () => {
  it('finds the quote across widths and spaces, under the text task that holds it, in document order', () => {
    const r = apply([
      add(7, '某卫发〔2023〕5号', '全市新建 社区医院10所', {
        indicator: '新建社区医院',
        value: 10,
        unit: '所',
      }),
    ]);
    const added = r.catalogue.targets.filter((t) => t.corrected === 'added');
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      documentId: 'wsj-2023-5',
      quote: '全市新建社区医院10所',
      offset: at('全市新建'),
      taskId: 'T1',
      path: ['一、'],
      lead: ['市卫健委'],
      participants: ['市财政局'],
      comparator: '=',
      value: 10,
      normalizedValue: 10,
      baseUnit: '所',
      perYear: false,
      linked: [],
    });
    expect(added[0].id).toMatch(/^wsj-2023-5\/1\/A[0-9a-f]{8}$/);
    // in the order of the text: after the target starting before it, before the next one
    expect(r.catalogue.targets.map((t) => t.id)).toEqual([
      HOSPITALS.id,
      added[0].id,
      SPORTS.id,
      GRADUATES.id,
      CENTRE.id,
    ]);
    expect([r.applied, r.warnings]).toEqual([1, []]);
  });

  it('maps a quote typed in half-width figures back onto the full-width text', () => {
    const r = apply([add(7, 'wsj-2023-5', '到2025年，全市', { value: 2025 })]);
    expect(r.catalogue.targets.find((t) => t.corrected === 'added')).toMatchObject({
      quote: '到２０２５年，全市',
      offset: at('到２０２５年'),
    });
  });

  it('names its document by id, 发文字号, title, part of the title or file name', () => {
    const docOf = (ref: string) =>
      apply([add(7, ref, '建成市级养老服务指导中心')]).catalogue.targets.find((t) => t.corrected === 'added')
        ?.documentId;
    expect(docOf('mzj-2023-2')).toBe('mzj-2023-2');
    expect(docOf('某市养老服务实施方案')).toBe('mzj-2023-2');
    expect(docOf('养老服务')).toBe('mzj-2023-2');
    expect(docOf('养老.txt')).toBe('mzj-2023-2');
    expect(docOf('卫生健康规划.docx')).toBeUndefined();
  });

  it('outside any task, has no task, path or units; two identical rows get two ids', () => {
    const r = apply([
      add(7, '某市卫生健康事业发展规划', '提升医疗服务能力', { comparator: '<=', value: 5 }),
      add(8, '某市卫生健康事业发展规划', '提升医疗服务能力', { comparator: '<=', value: 5 }),
    ]);
    const added = r.catalogue.targets.filter((t) => t.corrected === 'added');
    expect(added.map((t) => [t.taskId, t.path, t.lead, t.participants, t.comparator])).toEqual([
      [null, [], [], [], '<='],
      [null, [], [], [], '<='],
    ]);
    expect(added[0].id).toMatch(/^wsj-2023-5\/0\/A[0-9a-f]{8}$/);
    expect(added[1].id).toBe(`${added[0].id}-2`);
    // added before every target of its document
    expect(r.catalogue.targets[0].id).toBe(added[0].id);
  });

  it('is a milestone without a value, and is skipped with a message when its document or quote is not found', () => {
    const r = apply(
      [
        add(7, '某市养老服务实施方案', '建成市级养老服务指导中心', { value: null }),
        add(8, '', '建成市级养老服务指导中心'),
        add(9, '某市养老服务实施方案', '　 '),
        add(10, '某卫发〔2023〕5号', '新建社区医院12所'),
      ],
      catalogue(),
      new Map([['wsj-2023-5', PLAN]]),
    );
    expect(r.catalogue.targets.filter((t) => t.corrected === 'added')).toEqual([]);
    expect(r.applied).toBe(0);
    expect(r.warnings).toEqual([
      '目录审核.xlsx 第 7 行：新增指标的“原文”在《某市养老服务实施方案》中找不到（须从原文中原样复制），已跳过',
      '目录审核.xlsx 第 8 行：新增指标的“文件”为“”，在目录中找不到这份文件，已跳过',
      '目录审核.xlsx 第 9 行：新增指标的“原文”在《某市养老服务实施方案》中找不到（须从原文中原样复制），已跳过',
      '目录审核.xlsx 第 10 行：新增指标的“原文”在《某市卫生健康事业发展规划》中找不到（须从原文中原样复制），已跳过',
    ]);
    const milestone = apply([add(7, '某市养老服务实施方案', '建成市级养老服务指导中心', { value: null })]);
    expect(milestone.catalogue.targets.find((t) => t.corrected === 'added')).toMatchObject({
      comparator: 'milestone',
      value: null,
      documentId: 'mzj-2023-2',
      offset: 0,
    });
  });
});

describe('a correction whose id is gone', () => {
  it('is set aside without a quote, and carried to the target with the same quote under the same heading', () => {
    const stale = apply([edit(4, 'wsj-2023-5/2/Mgone', { value: 1 })]);
    expect(stale.stale.map((c) => c.row)).toEqual([4]);
    expect([stale.applied, stale.matched, stale.warnings]).toEqual([0, [], []]);
    const moved = apply([edit(5, 'wsj-2023-5/2/Mold', { value: 250 }, '每年招聘医学毕业生200名')]);
    expect(moved.matched).toEqual([
      { oldId: 'wsj-2023-5/2/Mold', newId: GRADUATES.id, similarity: 1, row: 5 },
    ]);
    expect(moved.warnings).toEqual([
      `目录审核.xlsx 第 5 行：编号 wsj-2023-5/2/Mold 在重新生成的目录中已不存在，按原文相似（相似度 100%）对应到同一章节的新编号 ${GRADUATES.id}，修正已应用于该指标`,
    ]);
    expect(moved.catalogue.targets.find((t) => t.id === GRADUATES.id)?.value).toBe(250);
    expect(moved.applied).toBe(1);
  });

  it('is not carried to a target another row already corrects', () => {
    const r = apply([
      edit(4, GRADUATES.id, { value: 220 }),
      edit(5, 'wsj-2023-5/2/Mold', { value: 250 }, '每年招聘医学毕业生200名'),
    ]);
    expect(r.matched).toEqual([]);
    expect(r.stale.map((c) => c.row)).toEqual([5]);
    expect(r.catalogue.targets.find((t) => t.id === GRADUATES.id)?.value).toBe(220);
  });
});
