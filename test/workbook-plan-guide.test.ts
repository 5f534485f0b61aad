/**
 * The 填报说明 sheet as a clerk reads and prints it, on a hand-built catalogue: the four facts at the
 * top, the 填报单位信息 block (two label/entry pairs a row, the entry cells yellow and open, the phone a
 * text cell, the date a date cell, each with its rule and Chinese message), the fourteen numbered
 * 填报要求, the signature lines, which cells are merged, how tall each row is and how the page prints.
 * Expected values written by hand; row heights worked out from the documented measures (a CJK glyph
 * 13⅓ px, other characters 8 px, 10 % spare, a column unit 7 px less 8 px padding, 14.5 pt a line + 4).
 */
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../src/core/model/catalogue.js';
import { parseCell } from '../src/core/workbook/a1.js';
import { planWorkbook, type RemovedTarget } from '../src/core/workbook/build-plan.js';
import type { PlanOptions, PlanSheet, PlanValue } from '../src/core/workbook/plan.js';
import { RULE_ALLOCATION, RULE_RANKING, RULE_RATE, RULE_STATUS } from '../src/core/progress/rules.js';
import { handCatalogue, handTarget, handTask } from './helpers/hand-catalogue.js';
import { planStyleAt as styleAt } from './helpers/plan-grid.js';

const OPTIONS: PlanOptions = {
  office: '长春市',
  period: '2025年上半年',
  generatedAt: '2026-01-05T08:00:00.000Z',
};

const catalogue = (): Catalogue =>
  handCatalogue([handTarget('t1', { value: 60, unit: '个', offset: 1 })], [handTask('k1', '健全制度', 2)]);

function guide(over: Partial<PlanOptions> = {}, cat: Catalogue = catalogue()): PlanSheet {
  const s = planWorkbook(cat, { ...OPTIONS, ...over }).sheets.find((x) => x.name === '填报说明');
  if (!s) throw new Error('no 填报说明');
  return s;
}

const column = (s: PlanSheet, c = 0): PlanValue[] => s.blocks[0].values.map((r) => r[c] ?? null);

const removedOne: RemovedTarget = {
  row: {
    targetId: 'old',
    row: 4,
    document: '',
    section: '',
    quote: '旧指标',
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
    actual: null,
    asOf: null,
    status: null,
    progress: '',
    problems: '',
    nextSteps: '',
    evidence: '',
  },
  reason: '新版目录中已无此指标',
};

describe('the 填报说明 sheet', () => {
  it('lays out title, facts, the 填报单位信息 block, fourteen rules and two signature lines', () => {
    const s = guide();
    expect(column(s)).toEqual([
      '长春市2025年上半年政策目标任务落实情况填报说明',
      null,
      '填报单位',
      '填报期间',
      '报送截止',
      '填报内容',
      null,
      '填报单位信息（由填报单位填写）',
      '填表人',
      '审核人',
      '报出日期',
      null,
      '填报要求',
      '1. 只在浅黄色单元格中填写；灰色单元格是指标目录内容，已锁定，请勿修改，也不要删除、插入行或更改工作表名称。',
      '2. 基期值、完成值只填数字，单位与“单位”列一致，不写“约”“左右”等文字；百分比指标填 30 或 30% 均可，都按 30% 计。',
      '3. 截至日期填写数据截至的日期（如 2025-06-30），须在填报期间之内。',
      '4. 进展状态从下拉列表中选择：已完成、序时推进、滞后、未启动。选择“滞后”的，须在“存在问题”中说明原因，并填写下一步措施。',
      '5. 完成率由表格按公式自动计算（完成值 ÷ 目标值），无需填写；“≤”类指标和节点性指标不计算完成率。',
      '6. 进展情况写明主要工作和量化进展；佐证材料写明文件名称、文号或网址，材料另行报送。',
      '7. “任务”表逐项填写重点任务的进展状态、进展情况、存在问题和下一步措施。',
      '8. 可使用 Microsoft Excel、WPS 表格或 LibreOffice 填写；填好后保存为 .xlsx 格式报送，不要另存为其他格式。',
      '9. 从其他文件粘贴的内容不受下拉和数字限制，汇总单位收到后会统一检查，请粘贴后核对。',
      '10. 本页“填报单位信息”由填报单位填写；打印本页，经单位负责人签字并加盖单位公章后，与电子表格一并报送。',
      `11. ${RULE_RATE}`,
      `12. ${RULE_STATUS}`,
      `13. ${RULE_RANKING}`,
      `14. ${RULE_ALLOCATION}`,
      null,
      '填表人（签字）：　　　　　　　　审核人（签字）：　　　　　　　　单位负责人（签字）：',
      '（单位公章）　　　　　　　　　　　　　　　　报出日期：　　　　年　　月　　日',
    ]);
    expect(column(s, 1).slice(2, 6)).toEqual([
      '长春市',
      '2025年上半年',
      '按通知要求',
      '“指标”表 1 项量化指标；“任务”表 1 项重点任务',
    ]);
    expect(column(s, 2).slice(8, 11)).toEqual(['联系电话', '单位负责人', null]);
    // the last row of the block holds one pair; its right half is two empty cells
    expect(s.blocks[0].values[10]).toEqual(['报出日期', null, null, null]);
  });

  it('merges the title, the section heads, each fact, each rule and each signature line across A:D', () => {
    const rules = Array.from({ length: 14 }, (_, i) => `A${14 + i}:D${14 + i}`);
    expect(guide().merges).toEqual([
      'A1:D1',
      'A8:D8',
      'A13:D13',
      'B3:D3',
      'B4:D4',
      'B5:D5',
      'B6:D6',
      ...rules,
      'A29:D29',
      'A30:D30',
    ]);
  });

  it('leaves blank what neither the roster nor an earlier workbook gave, and prefers what the office typed', () => {
    const blank = guide();
    expect(['B9', 'D9', 'B10', 'D10', 'B11'].map((c) => cellOf(blank, c))).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    const roster = guide({ contact: '王五', phone: '0431-88886666' });
    expect(['B9', 'D9'].map((c) => cellOf(roster, c))).toEqual(['王五', '0431-88886666']);
    const typed = guide({
      contact: '王五',
      phone: '0431-88886666',
      filler: { filler: '赵六', phone: '13912345678', reviewer: '', head: '', reportDate: '' },
    });
    expect(['B9', 'D9', 'B10', 'D10', 'B11'].map((c) => cellOf(typed, c))).toEqual([
      '赵六',
      '13912345678',
      null,
      null,
      null,
    ]);
  });

  it('styles facts grey and bold, the block grey with yellow open entry cells, rules wrapped', () => {
    const s = guide();
    expect(styleAt(s, 'A1')).toEqual({
      font: { bold: true, size: 16, color: '1F3864' },
      horizontal: 'center',
      vertical: 'middle',
    });
    expect(styleAt(s, 'A3')).toEqual({
      font: { bold: true },
      fill: 'D9D9D9',
      border: 'A6A6A6',
      vertical: 'middle',
    });
    expect(styleAt(s, 'C6')).toEqual({ font: {}, border: 'A6A6A6', wrap: true, vertical: 'middle' });
    expect(styleAt(s, 'A8')).toEqual({ font: { bold: true, size: 12 } });
    expect(styleAt(s, 'C10')).toEqual({
      font: { bold: true },
      fill: 'D9D9D9',
      border: 'A6A6A6',
      vertical: 'middle',
    });
    expect(styleAt(s, 'D10')).toEqual({
      font: {},
      fill: 'FFF9E5',
      border: 'A6A6A6',
      vertical: 'middle',
      locked: false,
      horizontal: 'left',
    });
    // the last row holds one pair: its right half stays grey and locked
    expect(styleAt(s, 'D11')).toEqual({ font: {}, fill: 'D9D9D9', border: 'A6A6A6', vertical: 'middle' });
    expect(styleAt(s, 'D9').numberFormat).toBe('@');
    expect(styleAt(s, 'B11').numberFormat).toBe('yyyy-mm-dd');
    expect(styleAt(s, 'B9').numberFormat).toBeUndefined();
    expect(styleAt(s, 'A13')).toEqual({ font: { bold: true, size: 12 } });
    expect(styleAt(s, 'B20')).toEqual({ font: {}, wrap: true, vertical: 'top' });
    expect(styleAt(s, 'A29')).toEqual({ font: { size: 12 }, vertical: 'bottom' });
    expect(styleAt(s, 'A30')).toEqual({ font: { size: 12 }, vertical: 'bottom', horizontal: 'right' });
    expect(styleAt(s, 'A28')).toEqual({});
  });

  it('checks the phone and the 报出日期 with rules that explain themselves in Chinese', () => {
    expect(guide().validations).toEqual([
      {
        type: 'custom',
        range: 'D9',
        formula:
          'AND(LEN(D9)>=7,LEN(D9)<=20,ISNUMBER(-SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(D9,"-",""),"(",""),")","")," ","")))',
        allowBlank: true,
        promptTitle: '联系电话',
        prompt: '座机请带区号，如 0431-88888888；或手机号码。',
        errorTitle: '联系电话无效',
        error: '请只填电话号码（数字，可带区号和“-”），如 0431-88888888。',
      },
      {
        type: 'date',
        range: 'B11',
        min: '2025-01-01',
        max: '2099-12-31',
        allowBlank: true,
        promptTitle: '报出日期',
        prompt: '本表报出（报送）的日期，如 2026-01-10。',
        errorTitle: '报出日期无效',
        error: '请输入日期（如 2026-01-10），不早于 2025-01-01。',
      },
    ]);
    expect(guide({ period: '近期' }).validations[1]).toMatchObject({
      min: '2000-01-01',
      error: '请输入日期（如 2026-01-10）。',
    });
  });

  it('gives each row a height that shows its text: one line, two lines, the block and signatures fixed', () => {
    const heights = new Map(guide().rowHeights.map((h) => [h.row, h.height]));
    expect(heights.get(1)).toBe(30);
    // facts: 72 units (496 px) hold "长春市" (44 px with the margin) on one line: 14.5 + 4 pt
    expect([3, 4, 5, 6].map((r) => heights.get(r))).toEqual([18.5, 18.5, 18.5, 18.5]);
    expect([9, 10, 11].map((r) => heights.get(r))).toEqual([22, 22, 22]);
    // rule 1: 51 CJK + 3 other characters = 704 px, 774 px with the margin: two lines of 580 px
    expect(heights.get(14)).toBe(33);
    // rule 3: 26 CJK + 14 other = 459 px, 505 px with the margin: one line
    expect(heights.get(16)).toBe(18.5);
    expect([heights.get(29), heights.get(30)]).toEqual([40, 40]);
    expect(heights.has(2) || heights.has(7) || heights.has(12) || heights.has(28)).toBe(false);
  });

  it('counts removed targets in 填报内容, which then takes two lines', () => {
    const s = guide({ removed: [removedOne] });
    expect(cellOf(s, 'B6')).toBe(
      '“指标”表 1 项量化指标；“任务”表 1 项重点任务；“已移除指标”表 1 项（仅供查阅）',
    );
    // 31 CJK + 15 other = 533 px, 587 px with the margin: over the 496 px of 72 units
    expect(s.rowHeights.find((h) => h.row === 6)?.height).toBe(33);
  });

  it('prints portrait on A4, one page wide, with office, period and sheet name in the header', () => {
    const s = guide({ office: 'R&D办' });
    expect(s.print).toEqual({
      orientation: 'portrait',
      paper: 'A4',
      fitToWidth: true,
      headerLeft: 'R&&D办',
      header: '2025年上半年\u3000政策目标任务落实情况填报表',
      headerRight: '&A',
      footer: '第 &P 页 共 &N 页',
      margins: { left: 0.7, right: 0.7, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    });
    expect(s.columns).toEqual([{ width: 12 }, { width: 30 }, { width: 12 }, { width: 30 }]);
    expect(s.freeze).toEqual({ rows: 0, columns: 0 });
    expect(s.state).toBe('visible');
  });
});

/** The value at a cell of the 填报说明 sheet (its one block starts at A1). */
function cellOf(s: PlanSheet, cell: string): PlanValue {
  const { row, col } = parseCell(cell);
  return s.blocks[0].values[row]?.[col] ?? null;
}
