/**
 * What an office sees in each sheet of its workbook, read from the plan of the seeds (no .xlsx):
 * titles and subtitle, grey locked catalogue cells and yellow entry cells, text cells for percent
 * figures, the drop-down and date rules with their Chinese messages, frozen panes, print setup,
 * protection, the 填报说明 sheet with the 填报单位信息 block, and the row heights that show wrapped
 * text. A cell's style is worked out here the way Excel applies ranges: later ranges win.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../src/core/model/catalogue.js';
import { parseCell } from '../src/core/workbook/a1.js';
import {
  ListSheet,
  estimateRowHeight,
  linesHeight,
  planWorkbook,
  selectForOffice,
  wrappedLines,
} from '../src/core/workbook/build-plan.js';
import type { PlanOptions, PlanSheet, PlanValue, WorkbookPlan } from '../src/core/workbook/plan.js';
import { TARGET_COLUMNS, TASK_COLUMNS, columnLetter } from '../src/core/workbook/layout.js';
import { seedCatalogue } from './helpers/seeds.js';
import { planSheet as sheet, planStyleAt as styleAt } from './helpers/plan-grid.js';

let catalogue: Catalogue;

beforeAll(() => {
  catalogue = seedCatalogue();
});

const OPTIONS: PlanOptions = {
  office: '长春市',
  period: '2025年上半年',
  deadline: '2025-07-15',
  contact: '王五',
  phone: '0431-88886666',
  generatedAt: '2026-01-05T08:00:00.000Z',
};

function plan(over: Partial<PlanOptions> = {}, cat = catalogue): WorkbookPlan {
  return planWorkbook(cat, { ...OPTIONS, ...over });
}

/** The value written at a cell ("B4"), from the sheet's blocks. */
function valueAt(s: PlanSheet, cell: string): PlanValue | undefined {
  const { row, col } = parseCell(cell);
  let out: PlanValue | undefined;
  for (const b of s.blocks) {
    const o = parseCell(b.origin);
    const v = b.values[row - o.row]?.[col - o.col];
    if (v !== undefined) out = v;
  }
  return out;
}

/** "指标" column letter of a field key. */
const T = (key: string) => columnLetter(TARGET_COLUMNS.findIndex((c) => c.key === key));
const S = (key: string) => columnLetter(TASK_COLUMNS.findIndex((c) => c.key === key));

describe('the 指标 sheet', () => {
  it('opens with a bold centred title and a subtitle naming office, period and deadline', () => {
    const s = sheet(plan(), '指标');
    const lastPrinted = columnLetter(TARGET_COLUMNS.findIndex((c) => c.reference) - 1);
    expect(valueAt(s, 'A1')).toBe('长春市2025年上半年政策量化指标落实情况');
    expect(styleAt(s, 'A1')).toMatchObject({
      font: { bold: true, size: 14 },
      horizontal: 'center',
      vertical: 'middle',
    });
    expect(valueAt(s, 'A2')).toBe(
      '填报单位：长春市\u3000\u3000填报期间：2025年上半年\u3000\u3000报送截止：2025-07-15\u3000\u3000浅黄色单元格为填报区，灰色单元格为目录内容（已锁定）',
    );
    expect(styleAt(s, 'A2')).toMatchObject({ wrap: true, vertical: 'middle' });
    expect(s.merges).toEqual([`A1:${lastPrinted}1`, `A2:${lastPrinted}2`]);
    const noDeadline = sheet(plan({ deadline: null }), '指标');
    expect(valueAt(noDeadline, 'A2')).not.toContain('报送截止');
  });

  it('heads each column, entry columns in yellow, reference columns apart, catalogue columns grey', () => {
    const s = sheet(plan(), '指标');
    TARGET_COLUMNS.forEach((c, i) => {
      const cell = `${columnLetter(i)}3`;
      expect(valueAt(s, cell)).toBe(c.header);
      const want = c.entry ? 'FCE4A8' : c.reference ? 'E7E6E6' : 'D9D9D9';
      expect({ [c.header]: styleAt(s, cell).fill }).toEqual({ [c.header]: want });
      expect(styleAt(s, cell)).toMatchObject({ font: { bold: true }, wrap: true, horizontal: 'center' });
    });
  });

  it('locks the catalogue cells of a row and leaves the entry cells open, wrapped where text is long', () => {
    const s = sheet(plan(), '指标');
    for (const c of TARGET_COLUMNS) {
      const st = styleAt(s, `${T(c.key)}4`);
      expect({ [c.header]: [st.locked, st.fill, st.wrap, st.vertical] }).toEqual({
        [c.header]: [!c.entry, c.entry ? 'FFF9E5' : 'F2F2F2', c.wrap ?? false, 'top'],
      });
    }
    expect(valueAt(s, `${T('targetId')}4`)).toBe(selectForOffice(catalogue, {}).targets[0].id);
  });

  it('formats figures: percent targets as text, others General; 完成率 in %, dates, and texts as text', () => {
    const p = plan();
    const s = sheet(p, '指标');
    const targets = selectForOffice(catalogue, {}).targets;
    const pct = targets.findIndex((t) => t.unit === '%');
    const other = targets.findIndex((t) => t.unit !== '%');
    expect(pct).toBeGreaterThanOrEqual(0);
    for (const key of ['baseline', 'actual']) {
      expect(styleAt(s, `${T(key)}${4 + pct}`).numberFormat).toBe('@');
      expect(styleAt(s, `${T(key)}${4 + other}`)).toMatchObject({
        numberFormat: 'General',
        horizontal: 'right',
      });
    }
    expect(styleAt(s, `${T('rate')}4`)).toMatchObject({ numberFormat: '0.0%', horizontal: 'right' });
    expect(styleAt(s, `${T('asOf')}4`)).toMatchObject({ numberFormat: 'yyyy-mm-dd', horizontal: 'center' });
    for (const key of ['status', 'progress', 'problems', 'nextSteps', 'evidence'])
      expect(styleAt(s, `${T(key)}4`).numberFormat).toBe('@');
  });

  it('offers the statuses in a drop-down and keeps dates inside the period, with Chinese messages', () => {
    const s = sheet(plan(), '指标');
    const n = selectForOffice(catalogue, {}).targets.length;
    const last = 3 + n;
    const status = s.validations.find((v) => v.type === 'list');
    expect(status).toEqual({
      type: 'list',
      range: `${T('status')}4:${T('status')}${last}`,
      source: { values: ['已完成', '序时推进', '滞后', '未启动'] },
      allowBlank: true,
      promptTitle: '进展状态',
      prompt: '从下拉列表选择：已完成、序时推进、滞后、未启动。选“滞后”须在“存在问题”中说明原因。',
      errorTitle: '进展状态无效',
      error: '只能选择：已完成、序时推进、滞后、未启动',
    });
    const date = s.validations.find((v) => v.type === 'date');
    expect(date).toMatchObject({
      range: `${T('asOf')}4:${T('asOf')}${last}`,
      min: '2025-01-01',
      max: '2025-06-30',
      prompt: '数据截至日期，2025-01-01 至 2025-06-30 之间，如 2025-06-30。',
      error: '请输入 2025-01-01 至 2025-06-30 之间的日期（如 2025-06-30）。',
    });
    const unknown = sheet(plan({ period: '今年' }), '指标').validations.find((v) => v.type === 'date');
    expect(unknown).toMatchObject({
      min: '2000-01-01',
      max: '2099-12-31',
      error: '请输入日期（如 2025-06-30）。',
    });
    const figures = s.validations.filter((v) => v.type === 'custom');
    expect(figures.map((v) => [v.range, v.errorTitle])).toEqual([
      [`${T('baseline')}4:${T('baseline')}${last}`, '基期值须为数字'],
      [`${T('actual')}4:${T('actual')}${last}`, '完成值须为数字'],
    ]);
  });

  it('freezes the header and two columns, prints landscape with the header row on every page', () => {
    const s = sheet(plan(), '指标');
    const n = selectForOffice(catalogue, {}).targets.length;
    const lastPrinted = columnLetter(TARGET_COLUMNS.findIndex((c) => c.reference) - 1);
    expect(s.freeze).toEqual({ rows: 3, columns: 2 });
    expect(s.print).toMatchObject({
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      titleRows: '3:3',
      headerLeft: '长春市',
      header: '2025年上半年\u3000政策量化指标落实情况',
      headerRight: '&A',
      footer: '第 &P 页 共 &N 页',
      area: `A1:${lastPrinted}${3 + n}`,
    });
    expect(sheet(plan({ office: 'R&D' }), '指标').print?.headerLeft).toBe('R&&D');
  });

  it('is protected (optionally with a password), or not at all when asked', () => {
    const guarded = sheet(plan(), '指标').protection;
    expect(guarded?.password).toBeNull();
    expect(guarded?.allow).toMatchObject({
      selectLockedCells: true,
      insertRows: false,
      deleteRows: false,
      formatCells: false,
    });
    expect(sheet(plan({ protectPassword: 'pw' }), '指标').protection?.password).toBe('pw');
    for (const s of plan({ protect: false }).sheets)
      expect({ [s.name]: s.protection }).toEqual({ [s.name]: null });
  });

  it('names the data ranges for the add-in', () => {
    const p = plan();
    const nT = selectForOffice(catalogue, {}).targets.length;
    const nS = selectForOffice(catalogue, {}).tasks.length;
    expect(p.names).toEqual([
      { name: 'luoshi_targets', ref: `'指标'!$A$4:$${columnLetter(TARGET_COLUMNS.length - 1)}$${3 + nT}` },
      { name: 'luoshi_tasks', ref: `'任务'!$A$4:$${columnLetter(TASK_COLUMNS.length - 1)}$${3 + nS}` },
    ]);
    expect(p.layout).toMatchObject({ headerRow: 3, firstDataRow: 4, targetRows: nT, taskRows: nS });
    expect(p.properties).toEqual({
      title: '长春市2025年上半年政策目标任务落实情况填报表',
      creator: 'luoshi',
    });
    expect(p.font).toEqual({ name: '宋体', size: 10 });
    expect(p.sheets.map((s) => [s.name, s.state])).toEqual([
      ['填报说明', 'visible'],
      ['指标', 'visible'],
      ['任务', 'visible'],
      ['_meta', 'veryHidden'],
    ]);
  });

  it('marks the targets whose text changed in an upgrade with a 变更提示 column', () => {
    const [t] = selectForOffice(catalogue, {}).targets;
    const s = sheet(plan({ changeNotes: { [t.id]: '指标内容已修改' } }), '指标');
    const col = columnLetter(TARGET_COLUMNS.length);
    expect(valueAt(s, `${col}3`)).toBe('变更提示');
    expect(valueAt(s, `${col}4`)).toBe('指标内容已修改');
    expect(styleAt(s, `${col}4`).font?.color).toBe('C00000');
    expect(styleAt(s, `${T('quote')}4`).fill).toBe('FFD7D7');
    expect(styleAt(s, `${T('quote')}5`).fill).toBe('F2F2F2');
    expect(valueAt(sheet(plan(), '指标'), `${col}3`)).toBeUndefined();
  });
});

describe('the 任务 sheet', () => {
  it('has its own title, the statuses drop-down and text cells for what is typed', () => {
    const s = sheet(plan(), '任务');
    const n = selectForOffice(catalogue, {}).tasks.length;
    expect(valueAt(s, 'A1')).toBe('长春市2025年上半年重点任务落实情况');
    expect(s.validations).toEqual([
      expect.objectContaining({
        type: 'list',
        range: `${S('status')}4:${S('status')}${3 + n}`,
        error: '只能选择：已完成、序时推进、滞后、未启动',
      }),
    ]);
    for (const key of ['status', 'progress', 'problems', 'nextSteps'])
      expect(styleAt(s, `${S(key)}4`).numberFormat).toBe('@');
    expect(styleAt(s, `${S('text')}4`).numberFormat).toBeUndefined();
  });

  it('writes what was typed for a task back into its row', () => {
    const [task] = selectForOffice(catalogue, {}).tasks;
    const s = sheet(
      plan({
        taskEntries: [{ taskId: task.id, status: '滞后', progress: '进展', problems: '问题', nextSteps: '' }],
      }),
      '任务',
    );
    expect(
      [S('status'), S('progress'), S('problems'), S('nextSteps')].map((c) => valueAt(s, `${c}4`)),
    ).toEqual(['滞后', '进展', '问题', null]);
  });
});

describe('the 填报说明 sheet', () => {
  it('states office, period, deadline and what is to be filled, with the signature lines last', () => {
    const s = sheet(plan(), '填报说明');
    const { targets, tasks } = selectForOffice(catalogue, {});
    expect(valueAt(s, 'A1')).toBe('长春市2025年上半年政策目标任务落实情况填报说明');
    expect([3, 4, 5, 6].map((r) => [valueAt(s, `A${r}`), valueAt(s, `B${r}`)])).toEqual([
      ['填报单位', '长春市'],
      ['填报期间', '2025年上半年'],
      ['报送截止', '2025-07-15'],
      ['填报内容', `“指标”表 ${targets.length} 项量化指标；“任务”表 ${tasks.length} 项重点任务`],
    ]);
    expect(valueAt(sheet(plan({ deadline: null }), '填报说明'), 'B5')).toBe('按通知要求');
    const values = s.blocks[0].values.map((r) => r[0]);
    const head = values.indexOf('填报要求');
    expect(
      values.slice(head + 1, head + 15).map((v) => (typeof v === 'string' ? v.split('.')[0] : v)),
    ).toEqual(Array.from({ length: 14 }, (_, i) => String(i + 1)));
    expect(values.at(-2)).toBe(
      '填表人（签字）：　　　　　　　　审核人（签字）：　　　　　　　　单位负责人（签字）：',
    );
    expect(values.at(-1)).toBe(
      '（单位公章）　　　　　　　　　　　　　　　　报出日期：　　　　年　　月　　日',
    );
    const signRow = values.length - 1;
    expect(styleAt(s, `A${signRow + 1}`).horizontal).toBe('right');
    expect(s.merges).toContain(`A${signRow}:D${signRow}`);
    expect(s.print).toMatchObject({
      orientation: 'portrait',
      header: '2025年上半年\u3000政策目标任务落实情况填报表',
    });
  });

  it('prefills the 填报单位信息 block from the roster, entry cells yellow and unlocked, phone as text', () => {
    const s = sheet(plan(), '填报说明');
    expect(valueAt(s, 'A8')).toBe('填报单位信息（由填报单位填写）');
    expect(['A9', 'B9', 'C9', 'D9', 'A10', 'C10', 'A11'].map((c) => valueAt(s, c))).toEqual([
      '填表人',
      '王五',
      '联系电话',
      '0431-88886666',
      '审核人',
      '单位负责人',
      '报出日期',
    ]);
    expect(styleAt(s, 'B9')).toMatchObject({ fill: 'FFF9E5', locked: false });
    expect(styleAt(s, 'A9')).toMatchObject({ font: { bold: true }, fill: 'D9D9D9' });
    expect(styleAt(s, 'D9').numberFormat).toBe('@');
    expect(styleAt(s, 'B11').numberFormat).toBe('yyyy-mm-dd');
    expect(s.validations.map((v) => [v.type, v.range])).toEqual([
      ['custom', 'D9'],
      ['date', 'B11'],
    ]);
    expect(s.validations[1]).toMatchObject({
      min: '2025-01-01',
      error: '请输入日期（如 2026-01-10），不早于 2025-01-01。',
    });
    const filled = sheet(
      plan({
        filler: { filler: '赵六', phone: '', reviewer: '钱七', head: '孙八', reportDate: '2025-07-10' },
      }),
      '填报说明',
    );
    // 2025-07-10 is Excel day 45848 (1900 date system)
    expect(['B9', 'D9', 'B10', 'D10', 'B11'].map((c) => valueAt(filled, c))).toEqual([
      '赵六',
      '0431-88886666',
      '钱七',
      '孙八',
      45848,
    ]);
  });

  it('counts the removed targets when an upgrade kept some', () => {
    const [t] = selectForOffice(catalogue, {}).targets;
    const p = plan({
      removed: [
        {
          row: {
            targetId: 'old',
            row: 4,
            document: '',
            section: '',
            quote: '旧',
            targetText: '',
            unit: '',
            deadline: '',
            lead: '',
            comparator: null,
            value: null,
            valueMax: null,
          },
          entry: {
            targetId: 'old',
            baseline: null,
            actual: 3,
            asOf: '2025-03-31',
            status: null,
            progress: '',
            problems: '',
            nextSteps: '',
            evidence: '',
          },
          reason: '新版目录中已无此指标',
        },
      ],
    });
    expect(valueAt(sheet(p, '填报说明'), 'B6')).toMatch(/；“已移除指标”表 1 项（仅供查阅）$/);
    const removed = sheet(p, '已移除指标');
    expect(valueAt(removed, 'A1')).toBe('长春市2025年上半年已移除指标（新版目录中已无，原填报内容保留备查）');
    expect(t.id).not.toBe('old');
    expect(p.sheets.map((s) => s.name)).toEqual(['填报说明', '指标', '任务', '已移除指标', '_meta']);
  });
});

describe('row heights and long lists', () => {
  it('counts wrapped lines from the column width (7 px a unit, 8 px padding) and 13⅓ px a character', () => {
    // 11 characters: 146.7 px, 161.3 px with the 10 % margin: over one line of 23 units (153 px)
    expect(wrappedLines('一'.repeat(11), 23)).toBe(2);
    expect(wrappedLines('一'.repeat(10), 23)).toBe(1);
    // Latin characters are 0.6 of a CJK one; each line break starts a line
    expect(wrappedLines('a'.repeat(19), 23)).toBe(2);
    expect(wrappedLines('甲\n乙\n丙', 23)).toBe(3);
    // a column narrower than one character still counts 13⅓ px a line: 2 × 14.7 px take three
    expect(wrappedLines('一二', 1)).toBe(3);
    expect(linesHeight(1)).toBe(18.5);
    expect(linesHeight(2)).toBe(33);
    expect(linesHeight(40)).toBe(409);
  });

  it('makes a row as tall as its longest wrapped cell, ignoring unwrapped and empty cells', () => {
    const cols = TARGET_COLUMNS;
    const quoteAt = cols.findIndex((c) => c.key === 'quote');
    const idAt = cols.findIndex((c) => c.key === 'targetId');
    const row = (quote: string, id = 'x'): PlanValue[] =>
      cols.map((_, i) => (i === quoteAt ? quote : i === idAt ? id : null));
    expect(estimateRowHeight(row(''), cols)).toBe(18.5);
    // 23 units (153 px) hold 10 characters a line (14.7 px each with the margin); 11 take two lines
    expect(estimateRowHeight(row('一'.repeat(10)), cols)).toBe(18.5);
    expect(estimateRowHeight(row('一'.repeat(11)), cols)).toBe(33);
    expect(estimateRowHeight(row('', '一'.repeat(200)), cols)).toBe(18.5);
  });

  it('moves a list longer than 255 characters (or holding a comma) to the hidden _lists sheet, once', () => {
    const lists = new ListSheet();
    expect(lists.source(['甲', '乙'])).toEqual({ values: ['甲', '乙'] });
    expect(lists.sheet(null)).toBeNull();
    const long = Array.from({ length: 60 }, (_, i) => `单位${i}号`);
    expect(lists.source(long)).toEqual({ range: "'_lists'!$A$1:$A$60" });
    expect(lists.source([...long])).toEqual({ range: "'_lists'!$A$1:$A$60" });
    expect(lists.source(['甲,乙', '丙'])).toEqual({ range: "'_lists'!$B$1:$B$2" });
    const s = lists.sheet(null);
    expect(s).toMatchObject({ name: '_lists', state: 'hidden', columns: [{ width: 30 }, { width: 30 }] });
    expect(s?.blocks).toEqual([
      { origin: 'A1', values: long.map((v, i) => [v, ['甲,乙', '丙'][i] ?? null]) },
    ]);
  });
});

describe('what a workbook holds', () => {
  it('selects documents by id, 发文字号 or title however they are spaced, and nothing for a blank name', () => {
    const [doc] = catalogue.documents;
    const mine = catalogue.targets.filter((t) => t.documentId === doc.id).map((t) => t.id);
    expect(mine.length).toBeGreaterThan(0);
    const pick = (documents: string[]) => selectForOffice(catalogue, { documents }).targets.map((t) => t.id);
    expect(pick([` ${doc.id} `])).toEqual(mine);
    if (doc.docNumber) expect(pick([doc.docNumber.replace('〔', '[').replace('〕', ']')])).toEqual(mine);
    expect(pick(['（）'])).toEqual([]);
    expect(pick(['不存在的文件'])).toEqual([]);
  });

  it('records the roster’s document and unit filters in _meta, joined by |', () => {
    const [doc] = catalogue.documents;
    const meta = sheet(plan({ documents: [doc.id], units: ['省卫生健康委', '省财政厅'] }), '_meta');
    const rows = meta.blocks[0].values;
    expect(rows.find((r) => r[0] === 'documents')?.[1]).toBe(doc.id);
    expect(rows.find((r) => r[0] === 'units')?.[1]).toBe('省卫生健康委|省财政厅');
    expect(sheet(plan(), '_meta').blocks[0].values.find((r) => r[0] === 'units')?.[1]).toBeNull();
  });

  it('names no data range for a sheet without rows', () => {
    const noTargets: Catalogue = { ...catalogue, targets: [] };
    const p = plan({}, noTargets);
    expect(p.names.map((n) => n.name)).toEqual(['luoshi_tasks']);
    expect(sheet(p, '指标').validations).toEqual([]);
    const nothing = plan({}, { ...catalogue, targets: [], tasks: [] });
    expect(nothing.names).toEqual([]);
  });
});
