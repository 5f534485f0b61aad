/**
 * The 目录审核 sheet as offices really return it: cells typed by Excel (numbers, dates), columns
 * moved, missing or repeated, the ways people write "none", "yes" and "no", deadlines in every
 * common spelling, and an added target refused naming the cell it was read from. Grids are written
 * by hand; expected corrections are read off them by hand.
 */
import { describe, expect, it } from 'vitest';
import { isLuoshiError } from '../src/core/errors.js';
import { refusalOf } from './helpers/refusal.js';
import type { CellValue, WorkbookGrid } from '../src/core/model/grid.js';
import { parseDeadlineText, readCorrectionsGrid } from '../src/core/catalogue/corrections.js';

const FILE = '卫健委-目录审核.xlsx';

function sheet(rows: CellValue[][], name = '目录审核'): WorkbookGrid {
  return {
    sheets: [
      { name: '说明', state: 'visible', rows: [['填表说明']] },
      { name, state: 'visible', rows },
    ],
  };
}

const refusal = (g: WorkbookGrid): string => refusalOf(() => readCorrectionsGrid(g, FILE));

describe('cells typed by Excel', () => {
  it('reads a number as typed and a date as its day, the deadline being its month', () => {
    const [c] = readCorrectionsGrid(
      sheet([
        ['编号', '处理', '改为目标值', '改为期限'],
        ['T1', '修改', 12.5, new Date(Date.UTC(2025, 5, 30))],
      ]),
      FILE,
    ).corrections;
    expect(c).toEqual({
      row: 2,
      action: 'edit',
      targetId: 'T1',
      fields: { value: 12.5, deadline: '2025-06' },
    });
  });

  it('reads a sheet with only some columns, in any order, the first of a repeated title counting', () => {
    const read = readCorrectionsGrid(
      sheet([
        [],
        ['备注', '改为单位', '处理', '编号', '备注'],
        ['已核', '万人', '', 'T7', '另一列'],
        [null, null, '删除', 'T8', null],
        [null, null, null, null, '只填了备注'],
      ]),
      FILE,
    );
    expect(read.corrections).toEqual([
      { row: 3, action: 'edit', targetId: 'T7', fields: { unit: '万人' }, note: '已核' },
      { row: 4, action: 'delete', targetId: 'T8', fields: {} },
    ]);
  });

  it('finds the sheet by its name among others, and the header only where both 编号 and 处理 stand', () => {
    expect(refusal(sheet([['编号', '文件']], '目录审核（旧）'))).toMatch(/^no-review-sheet /);
    expect(refusal(sheet([['编号', '文件'], ['处理']]))).toMatch(/^no-review-header /);
  });
});

describe('what reviewers write', () => {
  it('reads 无, — and - as no value, and figures with commas, spaces and full-width digits', () => {
    const fields = (value: string, max = '') =>
      readCorrectionsGrid(
        sheet([
          ['编号', '处理', '改为目标值', '改为上限', '改为单位'],
          ['T1', '修改', value, max, '无'],
        ]),
        FILE,
      ).corrections[0].fields;
    expect(fields('无', '-')).toEqual({ value: null, valueMax: null, unit: null });
    expect(fields('—')).toEqual({ value: null, unit: null });
    expect(fields('１，２００', ' 1 500 ')).toEqual({ value: 1200, valueMax: 1500, unit: null });
    expect(fields('85.5%')).toEqual({ value: 85.5, unit: null });
  });

  it('reads 是/否 in its usual spellings', () => {
    const perYear = (text: string) =>
      readCorrectionsGrid(
        sheet([
          ['编号', '处理', '改为每年'],
          ['T1', '修改', text],
        ]),
        FILE,
      ).corrections[0].fields.perYear;
    expect(['是', '每年', 'Y', 'y', 'yes', 'true', '√'].map(perYear)).toEqual(Array(7).fill(true));
    expect(['否', 'N', 'n', 'no', 'false', '×'].map(perYear)).toEqual(Array(6).fill(false));
    expect(
      refusal(
        sheet([
          ['编号', '处理', '改为每年'],
          ['T1', '修改', '每年一次'],
        ]),
      ),
    ).toBe(`bad-correction ${FILE} 工作表“目录审核”单元格 C2：“每年一次”应填“是”或“否”`);
  });

  it('takes 确认 with a change, or a change with no action, as an edit; 新增 on an existing id too', () => {
    const read = readCorrectionsGrid(
      sheet([
        ['编号', '处理', '改为指标'],
        ['T1', '确认', '新建社区医院'],
        ['T2', '', '招聘医学毕业生'],
        ['T3', '新增', '培训全科医生'],
        ['T4', '确认', ''],
      ]),
      FILE,
    );
    expect(read.corrections.map((c) => [c.targetId, c.action, c.fields.indicator])).toEqual([
      ['T1', 'edit', '新建社区医院'],
      ['T2', 'edit', '招聘医学毕业生'],
      ['T3', 'edit', '培训全科医生'],
      ['T4', 'confirm', undefined],
    ]);
  });

  it('refuses an added row’s bad 比较 naming its own column, and one without 文件 naming column A when there is none', () => {
    expect(
      refusal(
        sheet([
          ['编号', '文件', '原文', '比较', '处理', '改为比较'],
          ['', '某卫发〔2023〕5号', '新建社区医院10所', '大约', '新增', ''],
        ]),
      ),
    ).toBe(
      `bad-correction ${FILE} 工作表“目录审核”单元格 D2：“大约”不是有效的比较方式（可填 ≥ > ≤ < = ≈ 区间 节点）`,
    );
    const err = (() => {
      try {
        readCorrectionsGrid(
          sheet([
            ['编号', '原文', '处理'],
            ['', '新建社区医院10所', ''],
          ]),
          FILE,
        );
      } catch (e) {
        return isLuoshiError(e) ? [e.message, e.where] : null;
      }
      return null;
    })();
    expect(err).toEqual([
      `${FILE} 工作表“目录审核”单元格 A2：新增指标必须填写“文件”（发文字号或文件标题）`,
      { file: FILE, sheet: '目录审核', cell: 'A2' },
    ]);
  });

  it('reads an added row’s own columns: indicator, name, kind, deadline, units and note', () => {
    const [c] = readCorrectionsGrid(
      sheet([
        [
          '编号',
          '文件',
          '原文',
          '指标',
          '简称',
          '指标类型',
          '期限',
          '每年',
          '牵头单位',
          '参与单位',
          '处理',
          '备注',
        ],
        [
          '',
          '某市养老服务实施方案',
          '建成市级养老服务指导中心',
          '建成市级养老服务指导中心',
          '养老指导中心',
          '节点',
          '2024年底前',
          '否',
          '市民政局',
          '市发改委、市财政局',
          '',
          '漏提',
        ],
      ]),
      FILE,
    ).corrections;
    expect(c).toEqual({
      row: 2,
      action: 'add',
      targetId: null,
      document: '某市养老服务实施方案',
      quote: '建成市级养老服务指导中心',
      fields: {
        indicator: '建成市级养老服务指导中心',
        name: '养老指导中心',
        kind: 'milestone',
        deadline: '2024',
        perYear: false,
        lead: ['市民政局'],
        participants: ['市发改委', '市财政局'],
      },
      note: '漏提',
    });
  });
});

describe('a 期限 as written', () => {
  it('reads years and months in the usual spellings, none as no deadline, anything else as invalid', () => {
    expect(['无', '—', '-', ' 不限 '].map(parseDeadlineText)).toEqual([null, null, null, null]);
    expect(
      ['2025', '2025年', '2025年底', '2025末', '2025年底前', '２０２５年末前'].map(parseDeadlineText),
    ).toEqual(Array(6).fill('2025'));
    expect(
      ['2019/6', '2019.6', '2019年6月', '2019-06-30', '2019年6月30日', '2019.06底前', '2019年6月30日前'].map(
        parseDeadlineText,
      ),
    ).toEqual(Array(7).fill('2019-06'));
    expect(['2019年12月底前'].map(parseDeadlineText)).toEqual(['2019-12']);
    expect(['20250', '2019年第二季度', '6月底', '无限期'].map(parseDeadlineText)).toEqual(
      Array(4).fill('invalid'),
    );
  });
});
