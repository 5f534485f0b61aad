/**
 * Reading a filled allocation (分解表) from its grid, without a spreadsheet library (the .xlsx round trip and
 * the CLI are test/allocation.test.ts): finding the sheet and its header, the roster's office columns, every
 * share written as a coordinating office types it, and every refusal named by file, sheet and cell. The
 * catalogue is the seeds'; the expected shares and messages are written out by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllocationGrid, type AllocationContext } from '../src/core/allocation/index.js';
import type { Catalogue, Target } from '../src/core/model/catalogue.js';
import type { CellValue, GridSheet } from '../src/core/model/grid.js';
import { OFFICES } from './helpers/allocation-offices.js';
import { seedCatalogue } from './helpers/seeds.js';

const HEADER = ['指标编号', '指标', '单位', '目标值', '长春市', '吉林市', '四平市'];

let catalogue: Catalogue;
let specialists: Target; // 国家临床重点专科数 ≥50个, a total of 吉政办发〔2023〕21号
let coaches: Target; // 社会体育指导员人数 ≥41000人
let trials: Target; // 新药临床批文数 30—50个 (a range)
let insurance: Target; // 商业健康保险支出占卫生总费用的比重 ≥5% (a rate)
let milestone: Target; // 建立起健康服务业体系
let jilinOwn: Target; // 吉林市's own plan (吉市政办发〔2018〕19号)

beforeAll(() => {
  catalogue = seedCatalogue();
  const byName = (name: string) => catalogue.targets.find((t) => t.name === name)!;
  specialists = byName('国家临床重点专科数');
  coaches = byName('社会体育指导员人数');
  trials = byName('新药临床批文数');
  insurance = byName('商业健康保险支出占卫生总费用的比重');
  milestone = byName('建立起健康服务业体系');
  jilinOwn = catalogue.targets.find((t) => t.documentId.startsWith('吉市政办发'))!;
});

function sheet(rows: CellValue[][], name = '分解', state: GridSheet['state'] = 'visible'): GridSheet {
  return { name, state, rows };
}

function read(sheets: GridSheet[], ctx: Partial<AllocationContext> = {}) {
  return parseAllocationGrid(
    { sheets },
    { file: '分解表.xlsx', catalogue, offices: OFFICES, rosterFile: 'roster.csv', ...ctx },
  );
}

/** The template's sheet: the header, then one row per [target, 长春市, 吉林市, 四平市]. */
function filled(...rows: [Target, CellValue, CellValue, CellValue][]): GridSheet {
  return sheet([
    HEADER,
    ...rows.map(([t, ...shares]): CellValue[] => [t.id, t.name ?? '', t.unit ?? '', '', ...shares]),
  ]);
}

const messages = (r: ReturnType<typeof read>) => r.problems.map((p) => p.message);

describe('a filled allocation', () => {
  it('gives each office its own target: a bare number takes the overall comparator, a cell may say otherwise', () => {
    const r = read([
      filled(
        [specialists, 30, '≥12', '8个'],
        [coaches, '２００００', 15000, '6000—8000'],
        [trials, null, null, null],
      ),
    ]);
    expect(r.problems).toEqual([]);
    expect(r.allocation).toEqual({
      format: 'luoshi-allocation',
      catalogueVersion: catalogue.version,
      source: '分解表.xlsx',
      targets: [
        {
          targetId: specialists.id,
          shares: [
            { office: '长春市', comparator: '>=', value: 30, valueMax: null },
            { office: '吉林市', comparator: '>=', value: 12, valueMax: null },
            { office: '四平市', comparator: '>=', value: 8, valueMax: null },
          ],
        },
        {
          targetId: coaches.id,
          shares: [
            { office: '长春市', comparator: '>=', value: 20000, valueMax: null },
            { office: '吉林市', comparator: '>=', value: 15000, valueMax: null },
            { office: '四平市', comparator: 'range', value: 6000, valueMax: 8000 },
          ],
        },
      ],
    });
  });

  it('is found below a title, with the columns titled by their aliases, spaces and required-marks', () => {
    const r = read([
      sheet([
        ['2026年政策目标分解表'],
        [null, null, null, null, null, null, null, '制表：省卫生健康委'],
        ['编号*', ' 指标名称 ', '计量单位', '总目标值', '长春市', ' 吉林市 ', '四平市'],
        [` ${specialists.id} `, '国家临床重点专科数', '个', '≥50个', 20, 20, 10],
      ]),
    ]);
    expect(r.problems).toEqual([]);
    expect(r.allocation!.targets.map((t) => [t.targetId, t.shares.map((s) => s.value)])).toEqual([
      [specialists.id, [20, 20, 10]],
    ]);
  });

  it('skips blank rows and rows with neither id nor share', () => {
    const r = read([sheet([HEADER, [], [null, '  ', null], [specialists.id, '', '', '', 50, '', null]])]);
    expect(r.problems).toEqual([]);
    expect(r.allocation!.targets).toEqual([
      {
        targetId: specialists.id,
        shares: [{ office: '长春市', comparator: '>=', value: 50, valueMax: null }],
      },
    ]);
  });

  it('accepts shares that exactly reach the total, or the top of a range target', () => {
    const r = read([filled([specialists, 25, 15, 10], [trials, 50, null, null])]);
    expect(r.problems).toEqual([]);
    expect(r.allocation!.targets).toHaveLength(2);
  });

  it('never sums shares of a rate: each office may have 10 % of a ≥5 % target', () => {
    const r = read([filled([insurance, 10, 10, 10])]);
    expect(r.problems).toEqual([]);
    expect(r.allocation!.targets[0].shares.map((s) => s.value)).toEqual([10, 10, 10]);
  });

  it('matches a roster whose office names carry stray spaces', () => {
    const offices = OFFICES.map((o) => ({ ...o, office: ` ${o.office} ` }));
    const r = read([filled([specialists, 20, 20, 10])], { offices });
    expect(r.problems).toEqual([]);
    expect(r.allocation!.targets[0].shares.map((s) => s.value)).toEqual([20, 20, 10]);
  });

  it('with no office column yet allocates nothing, and complains of nothing', () => {
    const r = read([sheet([HEADER.slice(0, 4), [specialists.id, '', '', '']])]);
    expect(r).toEqual({
      allocation: {
        format: 'luoshi-allocation',
        catalogueVersion: catalogue.version,
        source: '分解表.xlsx',
        targets: [],
      },
      problems: [],
    });
  });

  it('never sums a target the catalogue marks as a rate, even counted in 个', () => {
    const rate = { ...specialists, kind: 'rate' as const };
    const r = read([filled([rate, 10, 10, null])], { catalogue: { ...catalogue, targets: [rate] } });
    expect(r.problems).toEqual([]);
  });

  it('without a roster, takes every titled column as an office and every target as its concern', () => {
    const r = read(
      [
        sheet([
          [...HEADER.slice(0, 4), '长春市', '梅河口市'],
          [jilinOwn.id, '', '', '', 1, 2],
        ]),
      ],
      {
        offices: undefined,
      },
    );
    expect(r.problems).toEqual([]);
    expect(r.allocation!.targets[0].shares.map((s) => [s.office, s.value])).toEqual([
      ['长春市', 1],
      ['梅河口市', 2],
    ]);
  });
});

describe('the 分解 sheet', () => {
  it('is the sheet of that name, spaces around it allowed, before any other', () => {
    const r = read([
      sheet([HEADER, [specialists.id, '', '', '', 1]], '说明'),
      sheet([HEADER, [specialists.id, '', '', '', 50]], ' 分解 '),
    ]);
    expect(r.allocation!.targets[0].shares[0].value).toBe(50);
  });

  it('is otherwise the first visible sheet with a 指标编号 header (a renamed sheet), never a hidden one', () => {
    const r = read([
      sheet([HEADER, [specialists.id, '', '', '', 7]], '隐藏', 'hidden'),
      sheet([['说明']], 'Sheet0'),
      sheet([HEADER, [specialists.id, '', '', '', 50]], 'Sheet1'),
    ]);
    expect(r.problems).toEqual([]);
    expect(r.allocation!.targets[0].shares[0].value).toBe(50);
  });

  it('missing is refused, naming the file', () => {
    const r = read([
      sheet([HEADER, [specialists.id, '', '', '', 50]], '隐藏', 'veryHidden'),
      sheet([['随便写的']], 'Sheet1'),
    ]);
    expect(r.allocation).toBeNull();
    expect(r.problems).toEqual([
      {
        severity: 'error',
        code: 'sheet-missing',
        message:
          '分解表.xlsx 工作表“分解”：找不到“分解”工作表（请使用 luoshi allocation template 生成的分解表填写）',
        sheet: '分解',
        cell: null,
        targetId: null,
      },
    ]);
  });

  it('needs its 指标编号 header within the first 10 rows', () => {
    const title = (n: number) => Array.from({ length: n }, (_, i) => [`说明第${i + 1}行`]);
    const late = read([sheet([...title(10), HEADER, [specialists.id, '', '', '', 50]])]);
    expect(late.allocation).toBeNull();
    expect(late.problems.map((p) => [p.code, p.message, p.cell])).toEqual([
      ['header-missing', '分解表.xlsx 工作表“分解”：前 10 行中找不到“指标编号”列标题', null],
    ]);
    const tenth = read([sheet([...title(9), HEADER, [specialists.id, '', '', '', 50]])]);
    expect(tenth.problems).toEqual([]);
  });
});

describe('office columns', () => {
  it('must be titled exactly as the roster names the office', () => {
    const r = read([
      sheet([
        [...HEADER, '长春'],
        [specialists.id, '', '', '', 50],
      ]),
    ]);
    expect(r.allocation).toBeNull();
    expect(r.problems.map((p) => [p.code, p.cell, p.message])).toEqual([
      [
        'unknown-office',
        'H1',
        '分解表.xlsx 工作表“分解”单元格 H1：列标题“长春”不是roster.csv中的单位（单位列的标题须与名单中的单位名称完全一致）',
      ],
    ]);
  });

  it('name the roster “名单” when its file is not known', () => {
    const r = read([sheet([[...HEADER, '长春']])], { rosterFile: undefined });
    expect(messages(r)).toEqual([
      '分解表.xlsx 工作表“分解”单元格 H1：列标题“长春”不是名单中的单位（单位列的标题须与名单中的单位名称完全一致）',
    ]);
  });

  it('may not repeat an office, nor a catalogue column (the second is no office)', () => {
    const r = read([
      sheet([
        [...HEADER, '长春市', '单位'],
        [specialists.id, '', '', '', 50],
      ]),
    ]);
    expect(r.problems.map((p) => [p.code, p.message])).toEqual([
      ['duplicate-office', '分解表.xlsx 工作表“分解”单元格 H1：单位“长春市”的列重复（已在 E1 列出）'],
      [
        'unknown-office',
        '分解表.xlsx 工作表“分解”单元格 I1：列标题“单位”不是roster.csv中的单位（单位列的标题须与名单中的单位名称完全一致）',
      ],
    ]);
  });

  it('titled only with spaces count as untitled; a 30-character value is shown whole', () => {
    const thirty = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十';
    const r = read([
      sheet([
        [...HEADER, '  '],
        [specialists.id, '', '', '', 50, null, null, thirty],
      ]),
    ]);
    expect(messages(r)).toEqual([
      `分解表.xlsx 工作表“分解”单元格 H2：“${thirty}” 所在列没有单位名称（请在第 1 行填写单位名称，或删除该数值）`,
    ]);
  });

  it('must all be titled: a figure under an empty header is refused, shown as typed (dates as dates, long text cut)', () => {
    const long = '这是一段很长的说明文字，超过了三十个字符的显示长度，因此应当被截断显示的内容';
    const r = read([
      sheet([
        ['', ...HEADER],
        [12, specialists.id, '', '', '', 50],
        [new Date('2025-06-30T00:00:00Z'), coaches.id, '', '', '', 41000],
        [long, trials.id, '', '', '', 50, '  ', '  '],
      ]),
    ]);
    expect(r.problems.map((p) => [p.code, p.cell, p.message])).toEqual([
      [
        'untitled-column',
        'A2',
        '分解表.xlsx 工作表“分解”单元格 A2：“12” 所在列没有单位名称（请在第 1 行填写单位名称，或删除该数值）',
      ],
      [
        'untitled-column',
        'A3',
        '分解表.xlsx 工作表“分解”单元格 A3：“2025-06-30” 所在列没有单位名称（请在第 1 行填写单位名称，或删除该数值）',
      ],
      [
        'untitled-column',
        'A4',
        `分解表.xlsx 工作表“分解”单元格 A4：“${long.slice(0, 30)}…” 所在列没有单位名称（请在第 1 行填写单位名称，或删除该数值）`,
      ],
    ]);
  });
});

describe('target rows', () => {
  it('with shares but no 指标编号 are refused', () => {
    const r = read([sheet([HEADER, ['', '', '', '', 5]])]);
    expect(r.problems.map((p) => [p.code, p.cell, p.message])).toEqual([
      ['target-id-missing', 'A2', '分解表.xlsx 工作表“分解”单元格 A2：该行填有分解数值，但没有指标编号'],
    ]);
  });

  it('with an id the catalogue lacks, or an id repeated, are refused, the row below the header counted right', () => {
    const r = read([
      sheet([
        ['分解表'],
        HEADER,
        ['吉政发-2014-14/9.9/Mdeadbeef', '', '', '', 1],
        [specialists.id, '', '', '', 50],
        [specialists.id, '', '', '', 50],
      ]),
    ]);
    expect(r.problems.map((p) => [p.code, p.cell, p.targetId, p.message])).toEqual([
      [
        'unknown-target',
        'A3',
        null,
        `分解表.xlsx 工作表“分解”单元格 A3：指标编号“吉政发-2014-14/9.9/Mdeadbeef”不在目录（版本 ${catalogue.version}）中`,
      ],
      [
        'duplicate-target',
        'A5',
        specialists.id,
        `分解表.xlsx 工作表“分解”单元格 A5：指标编号“${specialists.id}”重复（已在 A4 出现）`,
      ],
    ]);
  });
});

describe('a share', () => {
  it('that is not a number, a yes/no or a date is refused with how to write one', () => {
    const r = read([filled([specialists, '十个', true, new Date('2025-06-30T00:00:00Z')])]);
    expect(r.problems.map((p) => [p.code, p.cell, p.targetId, p.message])).toEqual([
      [
        'not-a-number',
        'E2',
        specialists.id,
        '分解表.xlsx 工作表“分解”单元格 E2：“十个” 不是数字（只填数字，如 12；可写比较符号，如 ≥12）',
      ],
      [
        'not-a-number',
        'F2',
        specialists.id,
        '分解表.xlsx 工作表“分解”单元格 F2：“true” 不是数字（只填数字，如 12；可写比较符号，如 ≥12）',
      ],
      [
        'not-a-number',
        'G2',
        specialists.id,
        '分解表.xlsx 工作表“分解”单元格 G2：“2025-06-30” 是日期，不是数字（只填数字，如 12；可写比较符号，如 ≥12）',
      ],
    ]);
  });

  it('of a milestone is refused: there is no number to split', () => {
    const r = read([filled([milestone, 1, null, null])]);
    expect(r.problems.map((p) => [p.code, p.message])).toEqual([
      [
        'not-allocatable',
        '分解表.xlsx 工作表“分解”单元格 E2：“建立起健康服务业体系”是节点性指标，没有可分解的数值，请清空此单元格',
      ],
    ]);
  });

  it('of a target with no value to split is refused like a milestone’s', () => {
    const valueless = { ...specialists, value: null, normalizedValue: null };
    const r = read([filled([valueless, 1, null, null])], {
      catalogue: { ...catalogue, targets: [valueless] },
    });
    expect(r.problems.map((p) => p.code)).toEqual(['not-allocatable']);
  });

  it('of a milestone without a short name names it by its indicator', () => {
    const unnamed = { ...milestone, name: '' };
    const r = read([filled([unnamed, 1, null, null])], { catalogue: { ...catalogue, targets: [unnamed] } });
    expect(messages(r)).toEqual([
      `分解表.xlsx 工作表“分解”单元格 E2：“${milestone.indicator}”是节点性指标，没有可分解的数值，请清空此单元格`,
    ]);
  });

  it('for an office that does not report on the target is refused', () => {
    const r = read([filled([jilinOwn, 1, 1, null])]);
    expect(r.problems.map((p) => [p.code, p.cell, p.message])).toEqual([
      [
        'out-of-scope',
        'E2',
        '分解表.xlsx 工作表“分解”单元格 E2：长春市不填报该指标（其所属文件不在名单中长春市的“文件”范围内），请清空此单元格',
      ],
    ]);
  });

  it('above the whole overall target is refused as a slip (for a range, above its top)', () => {
    const r = read([filled([specialists, 500, 12, null], [trials, 51, null, null])]);
    expect(r.problems.map((p) => [p.code, p.cell, p.message])).toEqual([
      [
        'share-above-total',
        'E2',
        '分解表.xlsx 工作表“分解”单元格 E2：长春市的分解目标 500个 超过总目标 ≥50个（单位是否填错？）',
      ],
      [
        'share-above-total',
        'E3',
        '分解表.xlsx 工作表“分解”单元格 E3：长春市的分解目标 51个 超过总目标 30—50个（单位是否填错？）',
      ],
    ]);
  });
});

describe('the shares of a total together', () => {
  it('must reach the overall target, the gap named', () => {
    const r = read([filled([specialists, 20, 12, 8])]);
    expect(r.allocation).toBeNull();
    expect(r.problems.map((p) => [p.code, p.cell, p.targetId, p.message])).toEqual([
      [
        'allocation-below-total',
        'E2:G2',
        specialists.id,
        '分解表.xlsx 工作表“分解”单元格 E2:G2：各单位分解目标合计 40个，未达到总目标 ≥50个（差 10个）',
      ],
    ]);
  });

  it('of a ceiling (≤) may not exceed it, and may stay below it', () => {
    const ceiling = { ...specialists, comparator: '<=' as const };
    const cat = { ...catalogue, targets: [ceiling] };
    const over = read([filled([ceiling, 30, 20, 10])], { catalogue: cat });
    expect(over.problems.map((p) => [p.code, p.cell, p.message])).toEqual([
      [
        'allocation-over-total',
        'E2:G2',
        '分解表.xlsx 工作表“分解”单元格 E2:G2：各单位分解目标合计 60个，超过总目标 ≤50个',
      ],
    ]);
    const strict = { ...specialists, comparator: '<' as const };
    const overStrict = read([filled([strict, 30, 20, 10])], {
      catalogue: { ...catalogue, targets: [strict] },
    });
    expect(overStrict.problems.map((p) => p.code)).toEqual(['allocation-over-total']);
    const under = read([filled([ceiling, 10, 10, 10])], { catalogue: cat });
    expect(under.problems).toEqual([]);
    expect(under.allocation!.targets[0].shares.map((s) => s.comparator)).toEqual(['<=', '<=', '<=']);
  });

  it('are summed without binary noise: 0.1 + 0.2 reaches a target of 0.3', () => {
    const small = { ...coaches, value: 0.3, normalizedValue: 0.3 };
    const r = read([filled([small, 0.1, 0.2, null])], { catalogue: { ...catalogue, targets: [small] } });
    expect(r.problems).toEqual([]);
  });
});
