/**
 * Target extraction: finds quantitative and dated commitments in a stretch of policy
 * text and reads comparator, value, unit, deadline, per-year and per-unit qualifiers
 * from the words around each figure. Works on a half-width copy of the text (same
 * offsets) so full-width digits and percent signs parse, while quotes are cut from
 * the original text.
 */
import type { Comparator, TargetCycle } from '../model/catalogue.js';
import { chineseNumber, halfWidth } from './text.js';

export interface DraftTarget {
  /** Offsets of the quote in the text. */
  quoteStart: number;
  quoteEnd: number;
  /** Offsets of the figure itself (number + unit), for ids and linking. */
  figureStart: number;
  figureEnd: number;
  indicator: string;
  comparator: Comparator;
  value: number | null;
  valueMax: number | null;
  unit: string | null;
  normalizedValue: number | null;
  baseUnit: string | null;
  deadline: string | null;
  perYear: boolean;
  perUnit: string | null;
  /** Period of a recurring commitment ("每季度首月10日前"), whose deadline is its first due date. */
  cycle?: TargetCycle;
  /** figureStart of the target this one restates ("…１.５‰，即达到４１０００人以上"), or null. */
  linkTo: number | null;
  /** Sentence index, for linking within one sentence. */
  sentence: number;
}

export interface ExtractContext {
  /** Year of the document date, for "用3年左右时间". */
  docYear: number | null;
  /** The document date (成文日期, "2022-03-09"), for "印发后3个月内". */
  docDate?: string | null;
}

/** Year-month `n` months after an ISO date. */
function monthsAfter(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) || 1;
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

// Units, longest first. Durations and ages need an explicit comparator word to count.
/** Base units; any of them may carry a magnitude prefix (万人, 亿人次, 千万元, 万平方米). */
const BASE_UNITS = [
  '个百分点',
  '百分点',
  '吨标准煤',
  '千瓦时',
  '千瓦',
  '兆瓦',
  '微克',
  '毫克',
  '场次',
  '人次',
  '平方公里',
  '平方米',
  '立方米',
  '公顷',
  '公里',
  '千米',
  '亩',
  '美元',
  '元',
  '吨',
  '张',
  '个',
  '人',
  '名',
  '所',
  '家',
  '项',
  '种',
  '次',
  '座',
  '处',
  '支',
  '台',
  '套',
  '床',
  '间',
  '户',
  '位',
  '件',
  '批',
  '期',
  '条',
  '块',
  '部',
  '本',
  '门',
  '类',
  '场',
  '届',
  '队',
  '辆',
  '架',
  '例',
  '份',
  '册',
  '篇',
  '首',
  '只',
  '株',
  '册',
  '小时',
  '分钟',
  '天',
  '周',
  '个月',
  '年',
  '岁',
  '倍',
  '级',
  '/10万',
  '/万',
  '/千',
  '/百万',
  '%',
  '‰',
];
const MAGNITUDE: Record<string, number> = { 万亿: 1e12, 千万: 1e7, 百万: 1e6, 亿: 1e8, 万: 1e4, 千: 1e3 };
const UNITS = [
  ...Object.keys(MAGNITUDE).flatMap((p) =>
    BASE_UNITS.filter((u) => !/[%‰/]|年|岁|级|小时|分钟|天|周|月|百分点|倍/.test(u)).map((u) => p + u),
  ),
  ...BASE_UNITS,
  '万',
  '亿',
].sort((a, b) => b.length - a.length);
const DURATION_UNITS = new Set(['小时', '分钟', '天', '周', '个月', '年', '岁', '级']);
const COUNT_UNITS_CN = new Set([
  '个',
  '名',
  '所',
  '家',
  '项',
  '种',
  '次',
  '人',
  '座',
  '支',
  '张',
  '位',
  '户',
  '条',
  '台',
  '套',
]);
/** A single-character numeral ("一所") counts only after a verb of building and with a concrete classifier. */
const SINGLE_CN_UNITS = new Set(['所', '个', '家', '座', '名', '处']);
const BUILD_BEFORE =
  /(建设|建成|建立|设立|新建|设置|培育|打造|配备|举办|开设|组建|至少|不少于|新增|遴选|培养|引进|创建|认定|改造|扩建)\s*$/;

const UNIT_RE = UNITS.map((u) => u.replace(/[%‰]/g, (c) => `\\${c}`)).join('|');
const NUM = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const CNUM = '[一二三四五六七八九十百千万两]+';
const RANGE_SEP = '\\s*(?:%|‰)?\\s*(?:—{1,2}|-|－|–|~|～|至|到)\\s*';
/**
 * The half-width copy the extractor reads, with figures written in words rewritten in place
 * (same length, padded with spaces): "百分之三十" → "30%  ", "翻一番" → "达2倍". Offsets stay those of the text.
 */
export function figureText(text: string): string {
  return (
    halfWidth(text)
      // "到二〇二五年": a year written in numerals digit by digit
      .replace(
        /(?<![一二三四五六七八九十百千万〇○零])(一九|二[〇○零])([〇○零一二三四五六七八九]{2})(?=\s*年)/g,
        // ○ (a circle, not the numeral 〇) is no numeral to chineseNumber and reads as 0 too
        (all: string) => [...all].map((c) => String(chineseNumber(c) ?? 0)).join(''),
      )
      .replace(
        /([百千])分之([零〇一二三四五六七八九十百两]+(?:点[零〇一二三四五六七八九]+)?|\d+(?:\.\d+)?)/g,
        (all, kind: string, n: string) => {
          const [int, frac] = n.split('点');
          const v = /^\d/.test(n)
            ? n
            : `${chineseNumber(int) ?? ''}${frac ? `.${[...frac].map((c) => chineseNumber(c) ?? 0).join('')}` : ''}`;
          const out = `${v}${kind === '百' ? '%' : '‰'}`;
          return out.length <= all.length && /^\d/.test(out) ? out.padEnd(all.length, ' ') : all;
        },
      )
      // "1000多人", "1万余名", "10万多人次": more than the figure, written before its count unit; the
      // unit moves before the 多 (same length), so it reads as "1000人多", a figure with the suffix 多
      .replace(
        /(\d\s*[万亿千]?)[多余](人次|场次|人|名|位|个|家|所|项|次|户|床|张|台|套|支|座|处|件|批|场)/g,
        (_all, num: string, unit: string) => `${num}${unit}多`,
      )
      .replace(/翻([一两二三])番/g, (all, n: string) => `达${2 ** (chineseNumber(n) ?? 1)}倍`)
      .replace(/(?<![一两二三])翻番/g, '2倍')
  );
}

/** What a compound unit is counted per: "微克/立方米", "万吨/日", "张/千人", "元/人", "万人次/年". */
const PER =
  '(?:[万千百]|10万|十万)?(?:人口|人次|人|户|床|平方公里|平方米|立方米|公顷|亩|公里|千米|千瓦时|吨|车|辆|年|日|天|月|周|小时)';
/** number [range] unit [/per] [suffix] */
const FIGURE = new RegExp(
  `(${NUM}|${CNUM})(?:${RANGE_SEP}(${NUM}|${CNUM}))?\\s*(${UNIT_RE})(?:\\s*/\\s*(${PER}))?(?: *(以上|及以上|或以上|以下|及以下|以内|之内|左右|上下|内|多))?`,
  'g',
);

const BASE: Record<string, [number, string]> = { 万: [1e4, ''], 亿: [1e8, ''], 百分点: [1, '个百分点'] };
export function normaliseUnit(
  unit: string | null,
  value: number | null,
): { normalizedValue: number | null; baseUnit: string | null } {
  if (value === null || unit === null) return { normalizedValue: value, baseUnit: unit };
  let b = BASE[unit];
  if (!b) {
    const prefix = Object.keys(MAGNITUDE).find(
      (p) => unit.startsWith(p) && BASE_UNITS.includes(unit.slice(p.length)),
    );
    if (prefix) b = [MAGNITUDE[prefix], unit.slice(prefix.length)];
  }
  if (!b) return { normalizedValue: value, baseUnit: unit };
  return { normalizedValue: Number((value * b[0]).toPrecision(12)), baseUnit: b[1] || null };
}

const GE_BEFORE =
  /(不低于|不少于|至少|最少|不小于|≥|>=|达到|达|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|增至|扩大到|扩大至|突破|力争达到)\s*(?:每人每年|每人|每年|人均|年均)?\s*$/;
const GT_BEFORE = /(超过|高于|多于|大于|超)\s*$/;
const LE_BEFORE =
  /(不高于|不超过|不多于|最多|≤|<=|控制在|降至|降到|降低到|降低至|下降到|下降至|减少到|减少至|缩短到|缩短至|压缩到|压缩至|减至)\s*(?:每人每年|每人|每年|人均|年均)?\s*$/;
const LT_BEFORE = /(低于|少于|小于)\s*$/;
const APPROX_BEFORE = /(约|大约|近)\s*$/;
/** Comparator words that make a duration/age or a "…的" figure count as a commitment. */
const STRONG_BEFORE =
  /(不低于|不少于|至少|最少|不小于|不超过|不高于|控制在|达到|缩短到|缩短至|缩短|压缩到|压缩至|降至|提高到|延长到|延长至)\s*$/;

/** "至少建成1所", "至少参加１小时": at-least followed by a short verb. */
const AT_LEAST_VERB = /(至少|最少|不少于)[\u4e00-\u9fa5]{1,3}\s*$/;
/** "每年至少开展巡回医疗2次": an at-least governing the figure after a verb and its object. */
const AT_LEAST_GOVERNS = /(至少|最少)[\u4e00-\u9fa5（）()]{1,12}$/;
/** "达到人口总数的１.５‰": the verb governs a figure a few words later. */
const GE_GOVERNS = /(达到|不低于|不少于|提高到|提高至|提升到|提升至|增加到|增长到)[^，,；;。达]{1,12}的\s*$/;
const BASELINE =
  /(截至|截止|目前|现有|已有|共有|已建成|已达到|已经|比上年|同比|较上年|增长了|下降了|减少了|近年来|以来|过去)/;
/** A sentence opening that reports the current state. */
const BASELINE_OPENING =
  /^\s*(截至|截止|目前|当前|现有|近年来|近\d+年来|过去|\d{4}\s*年(?:底|末)?\s*[，,]\s*(?:全国|全省|全市|全县|全区)?(?:共有|已有|共))/;
/** Words that make a sentence a commitment rather than a report. */
const COMMITMENT =
  /(力争|确保|争取|目标|预期|计划|将|要|应|到\s*\d{4}|达到|提高到|提升到|不低于|不少于|至少|控制在|降至|降低到|不超过|\d{4}\s*年(?:\d{1,2}月)?(?:底|末)?前)/;
const FORMULA = /[×÷＊*]\s*100\s*%|[×÷]|计算公式|公式为/;
/**
 * Policy parameters are rules of a scheme, not results to reach: subsidy rates and caps, guarantee
 * amounts and fees, eligibility conditions ("补贴标准为…70%", "担保金额最高不超过1000万元").
 */
const POLICY_PARAMETER =
  /(补贴|补助|奖补|奖励|补偿|贴息|担保金额|担保费|费率|上限|最高不超过|额度|申请条件|标准为|给予)/;
/** …unless the text commits to a level: raised to it, or a standard no lower than it ("补助标准不低于700元/人"). */
const RAISED_TO =
  /(提高到|提高至|提升到|提升至|增加到|增加至|达到|标准\s*(?:不低于|不少于))\s*(?:每人每年|每人|每年|人均)?\s*$/;
/** A validity window ("自2025年3月1日起施行", "至2027年12月31日止", "有效期5年") dates the document, not a task. */
const VALIDITY = /(起施行|起实施|日止|有效期)/;
/** Figures written as words: fractions, halves and zero outcomes ("三分之二" = 66.7 %, "零增长" = 0). */
const WORD_FIGURE =
  /([一二三四五六七八九十])分之([一二三四五六七八九])|(一半)以上|(零增长|零发生|零死亡|零事故|清零)/g;

/** Reporting and meeting duties: with a cycle they organise the work rather than commit to a result. */
const REPORTING =
  /(报送|上报|报告|通报|汇总|调度|召开|会商|例会|[报送]至?[省市县区]|报[^，,；;。]{0,12}(局|委|厅|办))/;

/** Deadlines written in a sentence, with their positions. */
interface DeadlineHit {
  at: number;
  end: number;
  value: string;
  /** Written as a target date ("到2020年", "力争2020年", "2019年6月底前", "2020年，…"), not just a year mentioned. */
  explicit: boolean;
  /** A year before the document's own year: it reports the past and is never a deadline. */
  past?: boolean;
  /** A recurring due date ("每年3月底前"): the period; value is then the first due date. */
  cycle?: TargetCycle;
}

/** Parts of a sentence between semicolons (in the half-width copy, where ； is ;). */
function parts(hw: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let a = from;
  for (let i = from; i <= to; i++) {
    if (i === to || hw[i] === ';') {
      if (i > a) out.push([a, i]);
      a = i + 1;
    }
  }
  return out;
}

function fiveYearPlanEnd(n: number): number {
  return 1955 + 5 * n;
}

/** Month (1–12) of an ISO date, or January when the document date is not known. */
function monthOf(date: string | null | undefined): number {
  return date && /^\d{4}-\d{2}/.test(date) ? Number(date.slice(5, 7)) : 1;
}

const ym = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

const MONTH = '(\\d{1,2}|[一二三四五六七八九十]{1,2})';

/**
 * Recurring due dates: "每年3月底前" (yearly), "每季度首月10日前" / "每季度末" (quarterly), "每半年",
 * "每月10日前" (monthly). Each is a deadline at its first due date on or after the document date.
 */
function cycleDeadlines(s: string, from: number, docYear: number, docDate?: string | null): DeadlineHit[] {
  const hits: DeadlineHit[] = [];
  const docMonth = monthOf(docDate);
  const hit = (m: RegExpExecArray, value: string, cycle: TargetCycle) =>
    hits.push({ at: from + m.index, end: from + m.index + m[0].length, value, explicit: true, cycle });
  const yearly = new RegExp(
    `每年(?:度)?\\s*${MONTH}\\s*月(?:份)?\\s*(?:\\d{1,2}\\s*日)?\\s*(?:底|末|中旬|上旬|下旬)?\\s*(?:前|之前|以前)?`,
    'g',
  );
  for (let m; (m = yearly.exec(s));) {
    const month = /^\d/.test(m[1]) ? Number(m[1]) : chineseNumber(m[1]);
    if (!month || month > 12 || m[0].length <= m[1].length + 3) continue;
    hit(m, ym(month >= docMonth ? docYear : docYear + 1, month), 'year');
  }
  // quarters end in March, June, September and December; "首月" is the month after a quarter ends
  const quarterly = /每(?:个)?季度(首月|第一个月|初|结束后|末)?/g;
  for (let m; (m = quarterly.exec(s));) {
    const end = Math.ceil(docMonth / 3) * 3;
    const month = m[1] && m[1] !== '末' ? end + 1 : end;
    hit(m, ym(docYear + (month > 12 ? 1 : 0), ((month - 1) % 12) + 1), 'quarter');
  }
  for (let m, re = /每半年/g; (m = re.exec(s));) {
    const month = docMonth <= 6 ? 6 : 12;
    hit(m, ym(docYear, month), 'half-year');
  }
  for (let m, re = /每(?:个)?月\s*(?:(\d{1,2})\s*日\s*(?:前|之前|以前)|底前|末)/g; (m = re.exec(s));) {
    const month = docMonth + (m[1] ? 1 : 0);
    hit(m, ym(docYear + (month > 12 ? 1 : 0), ((month - 1) % 12) + 1), 'month');
  }
  return hits;
}

export function findDeadlines(hw: string, from: number, to: number, ctx: ExtractContext): DeadlineHit[] {
  const s = hw.slice(from, to);
  const hits: DeadlineHit[] = [];
  const yearRe =
    /((?:19|20)\d{2})\s*年\s*(?:(\d{1,2})\s*月(?:份)?)?\s*(底|末|年底|中|上半年|下半年)?\s*(前|之前|以前)?/g;
  for (let m; (m = yearRe.exec(s));) {
    const before = s.slice(Math.max(0, m.index - 3), m.index);
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 3);
    // "截至2021年底" reports the state at a past date; "截至2025年底" with a year after the document's sets one
    const future = Boolean(ctx.docYear && Number(m[1]) > ctx.docYear);
    if (/(截至|截止)到?\s*$/.test(before) && !/(前|之前|底前)/.test(m[0]) && !future) continue;
    if (/(自|从)\s*$/.test(before) && !/(前|之前|底前)/.test(m[0])) continue;
    // "成立于2019年" reports a fact; "于2030年超过…" sets a date
    if (/(成立|始建|创建|建成|颁布|发布|印发|出台)于\s*$/.test(s.slice(Math.max(0, m.index - 5), m.index)))
      continue;
    // "比2020年下降15%", "在2020年基础上": a base year, not a deadline
    if (/(比|较|与|同|相对)\s*$/.test(before)) continue;
    if (/^(以来|起|开始|度|版|发布|印发|的|基础|水平|相比|同期)/.test(after)) continue;
    // "2016—2020年": the range start is not a deadline; the end is
    if (/^\s*(—|-|－|–|~|～|至)\s*\d/.test(after)) continue;
    const month = m[2] ? `-${m[2].padStart(2, '0')}` : '';
    const lead = s.slice(Math.max(0, m.index - 4), m.index);
    const atClauseStart = m.index === 0 || /[，,。；;：:\s]$/.test(s.slice(0, m.index));
    const explicit =
      /(到|至|力争|争取|确保|计划|预计|在|于|截至|截止)\s*$/.test(lead) ||
      Boolean(m[4]) ||
      /^\s*[，,]/.test(after) ||
      /底|末/.test(m[3] ?? '') ||
      // (a past year opening a clause is dropped below, with the other reports of the past)
      (atClauseStart && /^[\u4e00-\u9fa5]/.test(after));
    const past = Boolean(
      ctx.docYear && Number(m[1]) < ctx.docYear && !/(到|至|力争|争取|确保)\s*$/.test(lead),
    );
    hits.push({
      at: from + m.index,
      end: from + m.index + m[0].length,
      value: `${m[1]}${month}`,
      explicit: explicit && !past,
      past,
    });
  }
  // a plan's name, not a count ("未来十五年", "二十五个")
  const planRe =
    /(?<![一二三四五六七八九十百千两])[“"]?(十[一二三四五六七八九]?五)(?!\s*[年个万亿项名人家所天周岁倍])[”"]?\s*(期间|时期|末|规划期|以来|开局(?:之)?前|开局以前)?/g;
  for (let m; (m = planRe.exec(s));) {
    if (m[2] === '以来') continue;
    const n = chineseNumber(m[1].replace(/五$/, ''));
    // "“十五五”开局前": by the end of the plan before it
    const plan = n && /^开局/.test(m[2] ?? '') ? n - 1 : n;
    if (plan)
      hits.push({
        at: from + m.index,
        end: from + m.index + m[0].length,
        value: String(fiveYearPlanEnd(plan)),
        explicit: Boolean(m[2]),
      });
  }
  if (ctx.docYear) hits.push(...cycleDeadlines(s, from, ctx.docYear, ctx.docDate));
  if (ctx.docYear) {
    const relRe = new RegExp(
      `(?:用|经过|利用|在|力争|争取|确保|计划)?\\s*(${NUM}|[一二三四五六七八九十两]+)\\s*年(?:左右)?(?:时间|内)`,
      'g',
    );
    for (let m; (m = relRe.exec(s));) {
      if (!/时间/.test(m[0]) && !/^(用|经过|利用|在|力争|争取|确保|计划)/.test(m[0])) continue;
      const n = /^\d/.test(m[1]) ? Number(m[1]) : chineseNumber(m[1]);
      if (n && n < 30)
        hits.push({
          at: from + m.index,
          end: from + m.index + m[0].length,
          value: String(ctx.docYear + Math.round(n)),
          explicit: /时间|^(力争|争取|确保|计划)/.test(m[0]),
        });
    }
    for (
      // "今年9月底前" is a due month of this year, read below with its month
      let m,
        re =
          /(今年(?!\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月(?:份)?\s*(?:\d{1,2}\s*日)?\s*(?:底|末|中旬|上旬|下旬|前|之前|以前))|本年度|(?<![\d一二三四五六七八九十两个]\s*)年内|(?<!\d\s*)年底前)/g;
      (m = re.exec(s));
    ) {
      hits.push({
        at: from + m.index,
        end: from + m.index + m[0].length,
        value: String(ctx.docYear),
        explicit: true,
      });
    }
    for (let m, re = /(今后|未来)\s*(\d{1,2}|[一二三四五六七八九十两]+)\s*年/g; (m = re.exec(s));) {
      const n = /^\d/.test(m[2]) ? Number(m[2]) : chineseNumber(m[2]);
      if (n && n < 30)
        hits.push({
          at: from + m.index,
          end: from + m.index + m[0].length,
          value: String(ctx.docYear + n),
          explicit: true,
        });
    }
    // "本方案印发后3个月内", "自本意见印发之日起6个月内", "印发后30日内": counted from the document date
    const issueRe = new RegExp(
      `(?:自|从)?\\s*(?:本(?:方案|意见|通知|规划|计划|办法|纲要|实施方案|实施意见|工作方案|文件))?\\s*(?:印发|发布|出台|下发|实施)(?:后|之日起|之日后|起)\\s*(${NUM}|[一二三四五六七八九十两]+)\\s*(个月|个工作日|日|天|年)\\s*(?:内|以内|之内)?`,
      'g',
    );
    for (let m; (m = issueRe.exec(s));) {
      const n = /^\d/.test(m[1]) ? Number(m[1]) : chineseNumber(m[1]);
      if (!n) continue;
      const date = ctx.docDate && /^\d{4}-\d{2}/.test(ctx.docDate) ? ctx.docDate : `${ctx.docYear}-01-01`;
      const months =
        m[2] === '个月'
          ? n
          : m[2] === '年'
            ? n * 12
            : Math.ceil((Number(date.slice(8, 10) || 1) + n * (m[2] === '个工作日' ? 1.4 : 1)) / 30) - 1;
      const value =
        ctx.docDate && /^\d{4}-\d{2}/.test(ctx.docDate)
          ? monthsAfter(date, months)
          : String(ctx.docYear + Math.floor(months / 12));
      hits.push({ at: from + m.index, end: from + m.index + m[0].length, value, explicit: true });
    }
    // "6月底前", "明年3月底前": a month without a year is in the document's year (or the next)
    const monthRe =
      /(?<![\d年一二三四五六七八九十]\s*)(明年|今年|次年)?\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月(?:份)?\s*(?:\d{1,2}\s*日)?\s*(底|末|中旬|上旬|下旬)?\s*(前|之前|以前)?/g;
    for (let m; (m = monthRe.exec(s));) {
      if (!m[3] && !m[4]) continue;
      if (/每\s*$/.test(s.slice(Math.max(0, m.index - 2), m.index))) continue;
      const month = /^\d/.test(m[2]) ? Number(m[2]) : chineseNumber(m[2]);
      if (!month || month > 12) continue;
      const year = ctx.docYear + (m[1] === '明年' || m[1] === '次年' ? 1 : 0);
      const at = from + m.index + (m[0].length - m[0].trimStart().length);
      hits.push({
        at,
        end: from + m.index + m[0].length,
        value: `${year}-${String(month).padStart(2, '0')}`,
        explicit: true,
      });
    }
    for (let m, re = /明年(?!\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月)/g; (m = re.exec(s));)
      hits.push({
        at: from + m.index,
        end: from + m.index + m[0].length,
        value: String(ctx.docYear + 1),
        explicit: false,
      });
  }
  return hits.sort((a, b) => a.at - b.at);
}

/** Sentence spans in [from, to): split at 。！？ and at line breaks that end a sentence. */
export function sentences(text: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let a = from;
  const push = (b: number) => {
    let s = a;
    while (s < b && /[\s\u3000]/.test(text[s])) s++;
    let e = b;
    while (e > s && /[\s\u3000]/.test(text[e - 1])) e--;
    if (e > s) out.push([s, e]);
  };
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '。' || ch === '！' || ch === '？' || ch === '!' || ch === '?') {
      push(i + 1);
      a = i + 1;
    } else if (ch === '\n') {
      // a break after a letter or digit is a stray break inside a sentence (PDF/Word copy); keep going
      let k = i - 1;
      while (k >= a && /[ \t\r\n\u3000]/.test(text[k])) k--;
      const prev = k >= a ? text[k] : '';
      if (!/[\u4e00-\u9fa5A-Za-z0-9０-９，,、]/.test(prev)) {
        push(i);
        a = i + 1;
      }
    }
  }
  push(to);
  return out;
}

/** A comma between digits ("1,200") is a thousands separator, not a clause break. */
function isBreak(hw: string, i: number, stops: RegExp): boolean {
  if (!stops.test(hw[i])) return false;
  return !(hw[i] === ',' && /\d/.test(hw[i - 1] ?? '') && /\d/.test(hw[i + 1] ?? ''));
}

/**
 * The clause around `at`: from the break before it to the break after it. A break inside brackets
 * ("（牵头单位：省卫生健康委）", "（含中医、专科，不含民营）") belongs to the bracket, not to the clause.
 */
function clauseBounds(hw: string, sFrom: number, sTo: number, at: number): [number, number] {
  let a = at;
  for (let depth = 0; a > sFrom; a--) {
    const ch = hw[a - 1];
    if (ch === ')') depth++;
    else if (ch === '(' && depth > 0) depth--;
    else if (depth === 0 && isBreak(hw, a - 1, /[，,；;：:]/)) break;
  }
  let b = at;
  for (let depth = 0; b < sTo; b++) {
    const ch = hw[b];
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if (depth === 0 && isBreak(hw, b, /[，,；;：:。]/)) break;
  }
  // a clause after a stray line break starts at its first character
  while (a < at && /[\s\u3000—─]/.test(hw[a])) a++;
  return [a, b];
}

function insideBrackets(hw: string, sFrom: number, at: number, open: string, close: string): boolean {
  let depth = 0;
  for (let i = at - 1; i >= sFrom; i--) {
    if (close.includes(hw[i])) depth++;
    else if (open.includes(hw[i])) {
      if (depth === 0) return true;
      depth--;
    }
  }
  return false;
}

const LIST_MARKER =
  /^(?:[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]|\d{1,2}[.．、](?!\d)|[一二三四五六七八九十]{1,2}是|——|—|─|·|•|●)\s*/;

/**
 * A bracketed note closing a clause that says who does the work or when ("（省卫生健康委负责）",
 * "（牵头单位：…）"), or the value of a base year ("（2020年为5个）").
 */
const TRAILING_NOTE =
  /\s*[（(](?:[^（）()]*(?:负责|牵头|配合|参与|责任单位|完成时限)|(?:19|20)\d{2}年)[^（）()]*[）)]$/;

function trimIndicator(s: string): string {
  return (
    s
      .replace(/^[\s，,、；;：:]+|[\s，,、；;：:。]+$/g, '')
      .replace(TRAILING_NOTE, '')
      // a list item's marker ("（一）", "（1）", "1.", "一是", "——") numbers the item; it is not what is measured
      .replace(LIST_MARKER, '')
      .replace(/^(?:力争|争取|确保|基本|全面|努力)+/, '')
      .replace(/^(?:到|至|在)?\s*\d{4}\s*年(?:\d{1,2}月)?(?:底|末)?(?:前)?[，,]?/, '')
      .replace(/^[“"]?十[一二三四五六七八九]?五[”"]?(期间|时期|末)[，,]?/, '')
      .replace(/^(?:力争|争取|确保)+/, '')
      .replace(/^(即|并|且|其中|同时)/, '')
      .trim()
  );
}

type Fig = { start: number; end: number; m: RegExpExecArray };

/** A sentence being read, with the dates written in it and the deadline its paragraph carries. */
interface Sentence {
  text: string;
  hw: string;
  from: number;
  to: number;
  index: number;
  /** Dates in the sentence, past years included (a figure after one reports the past). */
  allDeadlines: DeadlineHit[];
  deadlines: DeadlineHit[];
  /** The deadline stated earlier in the paragraph (or in the line opening its list). */
  carried: string | null;
}

/** A figure's match read out: number, range end, unit and suffix, and the text around it. */
interface FigureRead {
  start: number;
  end: number;
  numText: string;
  maxText: string | undefined;
  unit: string;
  suffix: string;
  isCn: boolean;
  before: string;
  prevCh: string;
  nextText: string;
}

/**
 * What carries from sentence to sentence in a stretch of text: the deadline of the paragraph, whether
 * it opened with a baseline ("截至2021年底，全省共有…。95%的乡镇卫生院能够…" reports facts until a sentence
 * commits to something), and whether a colon ("具体目标：") opened a list whose lines share its deadline.
 */
class ParagraphState {
  private carry: string | null = null;
  private prevEnd: number;
  private baselinePara = false;
  private inList = false;

  constructor(
    private readonly text: string,
    private readonly hw: string,
    private readonly from: number,
  ) {
    this.prevEnd = from;
  }

  /** Moves on to the sentence [sFrom, sTo): the deadline it inherits, or null when it is not read (a report, a formula, a validity window). */
  enter(sFrom: number, sTo: number, deadlines: DeadlineHit[]): { carried: string | null } | null {
    const { text, hw, from } = this;
    if (text.slice(this.prevEnd, sFrom).includes('\n')) {
      const prevText = hw.slice(from, this.prevEnd).trimEnd();
      const listLine =
        /^\s*(——|—|─|·|•|●|[（(]?\d{1,2}[)）.、]|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]是)/.test(
          hw.slice(sFrom, sTo),
        );
      this.inList = listLine && (/[：:]$/.test(prevText) || (this.inList && /[；;，,。]$/.test(prevText)));
      if (!this.inList) this.carry = null;
      this.baselinePara = false;
    }
    this.prevEnd = sTo;
    const sHw = hw.slice(sFrom, sTo);
    const carried = this.carry;
    if (deadlines.length) this.carry = deadlines[deadlines.length - 1].value;
    const commits = COMMITMENT.test(sHw) || deadlines.some((d) => d.explicit);
    if (
      BASELINE_OPENING.test(sHw) &&
      !/(力争|到\s*\d{4}|目标)/.test(sHw) &&
      !deadlines.some((d) => d.explicit)
    )
      this.baselinePara = true;
    else if (this.baselinePara && !commits) return null;
    else this.baselinePara = false;
    if (FORMULA.test(sHw) || VALIDITY.test(sHw)) return null;
    return { carried };
  }
}

export function extractTargets(
  text: string,
  hw: string,
  from: number,
  to: number,
  ctx: ExtractContext,
): DraftTarget[] {
  const out: DraftTarget[] = [];
  const para = new ParagraphState(text, hw, from);
  sentences(text, from, to).forEach(([s0, sTo], index) => {
    const sFrom = afterValidity(hw, s0, sTo);
    const allDeadlines = findDeadlines(hw, sFrom, sTo, ctx);
    const deadlines = allDeadlines.filter((d) => !d.past);
    const state = para.enter(sFrom, sTo, deadlines);
    if (!state) return;
    const s: Sentence = {
      text,
      hw,
      from: sFrom,
      to: sTo,
      index,
      allDeadlines,
      deadlines,
      carried: state.carried,
    };
    const found = figureTargets(s);
    addCoverage(s, found);
    addWordFigures(s, found);
    addMilestones(s, found);
    found.sort((a, b) => a.figureStart - b.figureStart);
    out.push(...found);
  });
  return out;
}

/**
 * Where a sentence is read from: after a validity clause that opens it ("本方案自印发之日起实施，2023年底前
 * 各地完成自查" reads "2023年底前各地完成自查"). A validity clause anywhere else leaves the sentence whole,
 * and ParagraphState skips it.
 */
function afterValidity(hw: string, sFrom: number, sTo: number): number {
  const m = VALIDITY.exec(hw.slice(sFrom, sTo));
  if (!m || /[，,；;]/.test(hw.slice(sFrom, sFrom + m.index))) return sFrom;
  const rest = hw.slice(sFrom + m.index, sTo).search(/[，,；;]/);
  return rest < 0 ? sFrom : sFrom + m.index + rest + 1;
}

/** The figures of a sentence that are targets. */
function figureTargets(s: Sentence): DraftTarget[] {
  const { text, hw, from: sFrom, to: sTo } = s;
  const sHw = hw.slice(sFrom, sTo);
  const rawFigs: Fig[] = [];
  FIGURE.lastIndex = 0;
  for (let m; (m = FIGURE.exec(sHw));) {
    let e = sFrom + m.index + m[0].length;
    // the padding of a figure written in words ("百分之三十") belongs to it
    while (e < sTo && hw[e] === ' ' && !/\s/.test(text[e])) e++;
    rawFigs.push({ start: sFrom + m.index, end: e, m });
  }
  // two passes: the second sees only the figures the first accepted, so list items and
  // qualifiers are judged against real neighbours, not against idioms or years
  const firstPass = readFigures(s, rawFigs);
  return readFigures(
    s,
    rawFigs.filter((f) => firstPass.some((d) => d.figureStart === f.start)),
  );
}

function readFigures(s: Sentence, figs: Fig[]): DraftTarget[] {
  const found: DraftTarget[] = [];
  for (let fi = 0; fi < figs.length; fi++) {
    const d = readFigure(s, figs, fi, found);
    if (d) found.push(d);
  }
  return found;
}

function readMatch(s: Sentence, fig: Fig): FigureRead {
  const { hw, from: sFrom, to: sTo } = s;
  const { start, end, m } = fig;
  const numText = m[1];
  const maxText = m[2];
  // a compound unit keeps its per-part (the workbook shows the unit as the text writes it)
  const unit = m[4] && !m[3].startsWith('/') ? `${m[3]}/${m[4]}` : m[3];
  const suffix = m[5] ?? '';
  const isCn = !/^\d/.test(numText);
  const before = hw.slice(Math.max(sFrom, start - 12), start);
  const prevCh = hw[start - 1] ?? '';
  const nextText = hw.slice(end, Math.min(sTo, end + 10));
  return { start, end, numText, maxText, unit, suffix, isCn, before, prevCh, nextText };
}

/** Years, dates and codes, the base of a rate, titles, Chinese numerals in idioms and names, phases, durations without a commitment word. */
function notAFigure(s: Sentence, f: FigureRead): boolean {
  const { hw, from: sFrom, to: sTo } = s;
  const { start, end, numText, unit, isCn, before, prevCh, nextText } = f;
  // years, dates and codes
  // …but a Latin word after a count names what is counted ("配备1台CT")
  if (/[A-Za-z0-9.]/.test(prevCh) || (/^[A-Za-z]/.test(nextText) && !COUNT_UNITS_CN.has(unit))) return true;
  if (unit === '年' && /^(19|20)\d{2}$/.test(numText)) return true;
  if (/^\s*(—|-|－|–|~|～)\s*(19|20)\d{2}/.test(nextText)) return true;
  if (/^(月|日|号)/.test(nextText) && unit === '年') return true;
  if (/第\s*$/.test(before)) return true;
  // "每10万人口", "每千名老年人": the base of a rate, not a figure
  if (/每\s*$/.test(before)) return true;
  if (insideBrackets(hw, sFrom, start, '《', '》')) return true;
  if (isCn) {
    // Chinese numerals: only unmistakable counts ("百名", "二十个"), never idioms or names in quotes
    if (
      !/[十百千万]/.test(numText) &&
      numText.length < 2 &&
      !(BUILD_BEFORE.test(before) && SINGLE_CN_UNITS.has(unit))
    )
      return true;
    // "百名国医大师" is fine; a bare 万/千/百 before a measure ("千亩") is not a count
    if (!COUNT_UNITS_CN.has(unit) && unit !== '年') return true;
    if (insideBrackets(hw, sFrom, start, '“"', '”"')) return true;
    const tail = hw.slice(end, Math.min(sTo, end + 12)).split(/[，,。；;、]/)[0];
    if (/(工程|计划|行动|板块|项目|工作法|活动)$/.test(tail) || /工程/.test(tail)) return true;
  }
  // "二期工程", "3期项目": a phase of a project, not a count
  if (unit === '期' && /^\s*(工程|项目|建设|改造)/.test(nextText)) return true;
  // (a suffix closes the figure: "覆盖100万以上人口")
  if ((unit === '万' || unit === '亿') && !f.suffix) {
    // a bare 万/亿 must be a figure, not the start of a word ("万名" is handled as a unit)
    // …except before the people it counts ("惠及100万群众")
    if (
      /^[\u4e00-\u9fa5]/.test(nextText) &&
      !/^(以上|左右|元|群众|居民|农民|职工|学生|患者|老年人|儿童|家庭|农户)/.test(nextText)
    )
      return true;
  }
  const strong = STRONG_BEFORE.test(before) || AT_LEAST_VERB.test(before);
  // "缩短至30分钟", "低于30分钟以内": a duration is a target only after a word that bounds it
  if (DURATION_UNITS.has(unit) && !strong && !LT_BEFORE.test(before) && !/(用|经过)\s*$/.test(before))
    return true;
  if (unit === '年' && /(用|经过)\s*$/.test(before)) return true; // "用3年时间" is a deadline, not a target
  return false;
}

/**
 * Figures that are no commitment: policy parameters, baselines, qualifiers ("超过60个的乡镇卫生院"),
 * things done already, subsidies, past years, a figure that only names what the next one counts.
 */
function notACommitment(
  s: Sentence,
  f: FigureRead,
  cA: number,
  cB: number,
  nextFig: Fig | undefined,
): boolean {
  const { hw, from: sFrom, deadlines, allDeadlines } = s;
  const { start, end, unit, suffix, before, nextText } = f;
  const strong = STRONG_BEFORE.test(before) || AT_LEAST_VERB.test(before);
  const clauseBefore = hw.slice(cA, start);
  // …unless the figure is raised to ("补助标准提高到每人每年94元" commits to a new level)
  if (POLICY_PARAMETER.test(clauseBefore) && !RAISED_TO.test(clauseBefore)) return true;
  // baseline facts ("截至2014年底，全国共有…") are not commitments
  if (
    BASELINE.test(hw.slice(sFrom, start)) &&
    !/(力争|到\s*\d{4}|目标)/.test(hw.slice(sFrom, start)) &&
    !deadlines.some((d) => d.explicit && d.at < start)
  )
    return true;
  const isShare = unit === '%' || unit === '‰';
  // qualifiers: "超过60个的乡镇卫生院", "产值10亿元以上企业集团20个"
  const afterFig = hw.slice(end, cB);
  if (!isShare && /^\s*的/.test(afterFig) && !strong) return true;
  // "药占比超过30%的医院": a share after a comparison word and before 的 names who is meant
  if (isShare && !suffix && /^\s*的/.test(afterFig) && /(超过|高于|低于|不足|大于|小于)\s*$/.test(before))
    return true;
  // "已建成5个", "建成了3所": done already, not a commitment
  if (
    /((已经|已|累计已)(建成|建立|完成|达到|实现|覆盖|开展|培训|招录|签约|投入|设立|拥有|有))|((建成|完成|达到|实现|培训|新增|增长|建立|开展)了)/.test(
      clauseBefore,
    ) &&
    !/(到|力争|确保)\s*\d{4}/.test(hw.slice(sFrom, start))
  )
    return true;
  // subsidies and rewards are measures, not targets ("给予最高10万元补助")
  if (
    /(补助|补贴|奖励|奖补|资助|贴息|罚款)/.test(hw.slice(cA, cB)) &&
    /(给予|最高|一次性)[^，,；;。]{0,10}$/.test(hw.slice(cA, start))
  )
    return true;
  // a year before the document's own year reports the past ("2020年，全省共有…")
  const yearBefore = allDeadlines.filter((d) => d.at < start).pop();
  if (yearBefore?.past) return true;
  // "产值10亿元以上企业集团20个": a figure naming what the next one counts; a year ("（…，2023年底前完成）") counts nothing
  if (
    !isShare &&
    nextFig &&
    nextFig.start < cB &&
    !(nextFig.m[3] === '年' && /^(19|20)\d{2}$/.test(nextFig.m[1])) &&
    !/[、和及与]/.test(hw.slice(end, nextFig.start)) &&
    !/(达到|不少于|不低于|至少|建成|建设|培育|实现|开展|达)/.test(hw.slice(end, nextFig.start))
  )
    return true;
  if (/(前列|以来)/.test(nextText.slice(0, 2))) return true;

  return false;
}

/** The comparator from the words around the figure; list items inherit the first's. */
function comparatorOf(
  s: Sentence,
  f: FigureRead,
  valueMax: number | null,
  clauseBefore: string,
  cA: number,
  found: DraftTarget[],
): Comparator {
  const { hw } = s;
  const { start, suffix, before } = f;
  let comparator: Comparator = '=';
  if (valueMax !== null) comparator = 'range';
  else if (/以上$/.test(suffix))
    comparator = GT_BEFORE.test(before) && !/不超过|不高于/.test(before) ? '>' : '>=';
  else if (/以下|以内|之内|^内$/.test(suffix))
    comparator = LT_BEFORE.test(before) && !/不低于|不少于/.test(before) ? '<' : '<=';
  else if (/左右|上下/.test(suffix) || APPROX_BEFORE.test(before)) comparator = '≈';
  else if (suffix === '多') comparator = '>';
  // negated words first: 不超过 is ≤ although it ends in 超过, 不低于 is ≥ although it ends in 低于
  else if (LE_BEFORE.test(before)) comparator = '<=';
  // "保持在100%", "稳定在95%": a level to hold; only "…以上" (read above) makes it a floor
  else if (/(保持在|稳定在|维持在)\s*$/.test(before)) comparator = '=';
  else if (
    GE_BEFORE.test(before) ||
    AT_LEAST_VERB.test(before) ||
    GE_GOVERNS.test(clauseBefore) ||
    AT_LEAST_GOVERNS.test(clauseBefore)
  )
    comparator = '>=';
  else if (GT_BEFORE.test(before)) comparator = '>';
  else if (LT_BEFORE.test(before)) comparator = '<';
  else {
    // list items inherit the comparator of the first ("不少于50个A、50个B、110个C")
    const prev = found[found.length - 1];
    if (
      prev &&
      prev.figureEnd >= cA &&
      /^[^，,；;。]*$/.test(hw.slice(prev.figureEnd, start)) &&
      /、/.test(hw.slice(prev.figureEnd, start))
    ) {
      comparator = prev.comparator;
    }
  }
  return comparator;
}

/** The deadline a figure takes: the nearest date before it in the sentence, else one closing its clause. */
function figureDue(s: Sentence, f: FigureRead, cB: number): DeadlineHit | undefined {
  const { hw, from: sFrom, to: sTo, deadlines } = s;
  const { start, end } = f;
  // deadline: the nearest one written before the figure in the sentence, else after it
  const dBefore = deadlines.filter((d) => d.at < start);
  // a date after the figure applies when it closes the figure's clause ("…90%，2025年底前完成"), not when
  // it opens a commitment of its own ("每年培训200人，2024年开展中期评估")
  const dAfter = deadlines.filter(
    (d) =>
      d.at >= end &&
      (d.at < cB ||
        (hw.slice(d.end, clauseBounds(hw, sFrom, sTo, d.at)[1]).match(/[\u4e00-\u9fa5]/g) ?? []).length < 4),
  );
  const last = dBefore[dBefore.length - 1];
  // "到2025年，…；90%的县2024年底前建成医共体": a date in the figure's own clause beats one from an earlier part
  const own = dAfter.find((d) => d.at < cB);
  if (last && own && /[；;]/.test(hw.slice(last.end, start))) return own;
  return last ?? dAfter[0];
}

/** "每个市（州）", "每千人口": the unit each figure applies to. */
function perUnitOf(text: string, clauseBefore: string, cA: number): string | null {
  let perUnit: string | null = null;
  const every = clauseBefore.lastIndexOf('每');
  if (every >= 0 && !/^每(年|年度)/.test(clauseBefore.slice(every))) {
    const rest = clauseBefore.slice(every);
    const stop = rest.search(
      /(至少|不少于|不低于|建成|建立|建设|新建|设立|建有|配备|达到|拥有|培养|开展|要|应|都|均|有|设置|不高于|不超过)/,
    );
    // "每万名居民": 名 with the people it counts
    const rate = rest.match(
      /^每(?:[十百千万]+|十万|百万)(?:人口|常住人口|人|名(?:常住居民|城乡居民|农村居民|居民|老年人|儿童|学生|职工|妇女)?|户|平方公里|平方米)/,
    );
    perUnit = rate
      ? text.slice(cA + every, cA + every + rate[0].length)
      : text.slice(cA + every, cA + every + (stop > 1 ? stop : rest.length)).trim() || null;
  }
  return perUnit;
}

/** The comparator words that close the text before a figure; what they follow is the indicator. */
const COMPARATOR_AT_END =
  /(不低于|不少于|至少|最少|不小于|力争达到|达到|达|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|增至|扩大到|扩大至|突破|超过|高于|多于|大于|超|不高于|不超过|不多于|最多|控制在|保持在|稳定在|维持在|降至|降到|降低到|降低至|下降到|下降至|减少到|减少至|缩短到|缩短至|压缩到|压缩至|减至|低于|少于|小于|大约|约|近)\s*$/;

/** What is measured: the clause (or list item) without the figure, deadline phrases and comparator words. */
function indicatorOf(
  s: Sentence,
  f: FigureRead,
  found: DraftTarget[],
  nextFig: Fig | undefined,
  cA: number,
  cB: number,
): string {
  const { text, hw } = s;
  const { start, end, unit, suffix } = f;
  const isShare = unit === '%' || unit === '‰';
  // indicator: the clause (or list item) without the figure, deadline phrases and comparator words
  // a list item runs from the separator after the previous figure to the separator after this one
  const SEP = /[、和及与]/;
  let itemStart = cA;
  const prevFig = found[found.length - 1];
  if (prevFig && prevFig.figureEnd > cA && prevFig.figureEnd <= start) {
    itemStart = prevFig.figureEnd;
    for (let k = start - 1; k >= prevFig.figureEnd; k--) {
      if (SEP.test(hw[k]) && !insideBrackets(hw, prevFig.figureEnd, k, '（(', '）)')) {
        itemStart = k + 1;
        break;
      }
    }
  }
  // a figure in the middle of a long 、-list ("A、B、各县建设一所C、D") is its own item
  if (itemStart === cA && /、/.test(hw.slice(end, cB)) && /、/.test(hw.slice(cA, start))) {
    for (let k = start - 1; k > cA; k--) {
      if (hw[k] === '、' && !insideBrackets(hw, cA, k, '（(', '）)')) {
        itemStart = k + 1;
        break;
      }
    }
  }
  let itemEnd = cB;
  const listed = (nextFig && nextFig.start < cB) || (itemStart > cA && /、/.test(hw.slice(cA, start)));
  if (listed) {
    for (let k = end; k < (nextFig && nextFig.start < cB ? nextFig.start : cB); k++) {
      if (SEP.test(hw[k]) && !insideBrackets(hw, end, k, '（(', '）)')) {
        itemEnd = k;
        break;
      }
    }
    if (nextFig && nextFig.start < cB && itemEnd === cB) itemEnd = nextFig.start;
  }
  // a share written "80%以上的村卫生室…" is measured on what follows it
  const shareOf =
    (isShare && /^(以上|以下)?的/.test(hw.slice(end - suffix.length, end + 1).replace(/^\d+/, ''))) ||
    (isShare && hw[end] === '的');
  const left = shareOf
    ? ''
    : text
        .slice(itemStart, start)
        .replace(COMPARATOR_AT_END, '')
        .replace(/^[、]/, '')
        .replace(/(实现)?翻?$/, ''); // "翻一番" is read as "达2倍" over the same characters
  const right = text.slice(end, Math.max(end, itemEnd)).replace(/^的/, '');
  let indicator = trimIndicator(left + right)
    .replace(/^的/, '')
    .replace(/的$/, '');
  // "…１.５‰，即达到４１０００人以上": a restatement measures the same thing
  if (!indicator.replace(/[即达到以上]/g, '') && found.length) indicator = found[found.length - 1].indicator;
  indicator = indicator.replace(/\s+/g, '');
  if (indicator.length > 80) indicator = indicator.slice(0, 80);
  return indicator;
}

function readFigure(s: Sentence, figs: Fig[], fi: number, found: DraftTarget[]): DraftTarget | null {
  const { hw, from: sFrom, to: sTo } = s;
  const f = readMatch(s, figs[fi]);
  const { start, end, numText, maxText, unit, isCn } = f;
  if (notAFigure(s, f)) return null;
  const [cA, cB] = clauseBounds(hw, sFrom, sTo, start);
  const nextFig = figs[fi + 1];
  if (notACommitment(s, f, cA, cB, nextFig)) return null;
  const value = isCn ? chineseNumber(numText) : Number(numText.replace(/,/g, ''));
  const valueMax =
    maxText === undefined
      ? null
      : /^\d/.test(maxText)
        ? Number(maxText.replace(/,/g, ''))
        : chineseNumber(maxText);
  if (value === null) return null;
  const clauseBefore = hw.slice(cA, start);
  const comparator = comparatorOf(s, f, valueMax, clauseBefore, cA, found);
  const due = figureDue(s, f, cB);
  // an annual figure is written 每年… or per year (4次/年, 万人次/年); 年均 (an average rate) is not one
  const perYear =
    due?.cycle === 'year' ||
    unit.endsWith('/年') ||
    /每年/.test(clauseBefore) ||
    /每年[^，,；;。\d]{0,4}[，,]\s*$/.test(hw.slice(Math.max(sFrom, cA - 8), cA));
  const n = normaliseUnit(unit, value);
  // "…１.５‰，即达到４１０００人以上": the second figure restates the first
  const restates = /^\s*(即|也就是|相当于|折合|约合)/.test(hw.slice(cA, start)) && found.length > 0;
  return {
    quoteStart: cA,
    quoteEnd: cB,
    figureStart: start,
    figureEnd: end,
    indicator: indicatorOf(s, f, found, nextFig, cA, cB),
    comparator,
    value,
    valueMax,
    unit,
    normalizedValue: n.normalizedValue,
    baseUnit: n.baseUnit,
    deadline: due?.value ?? s.carried,
    perYear,
    perUnit: perUnitOf(s.text, clauseBefore, cA),
    ...(due?.cycle ? { cycle: due.cycle } : {}),
    linkTo: restates ? found[found.length - 1].figureStart : null,
    sentence: s.index,
  };
}

/** Coverage: "实现…全覆盖" → 100 %. */
function addCoverage(s: Sentence, found: DraftTarget[]): void {
  const { text, hw, from: sFrom, to: sTo, deadlines, carried, index: sIndex } = s;
  const sHw = hw.slice(sFrom, sTo);
  // coverage: "实现…全覆盖" → 100 %
  // only the explicit 全覆盖 gives 100 %; "全面覆盖城乡" states a direction (a milestone when dated)
  const cov = /(?<![健面])全覆盖|覆盖率(?:达到)?\s*100\s*%/g;
  for (let m; (m = cov.exec(sHw));) {
    const at = sFrom + m.index;
    if (found.some((f) => f.figureStart <= at && at < f.quoteEnd && f.unit === '%' && f.value === 100))
      continue;
    if (/100\s*%/.test(m[0])) continue; // already a figure
    const [cA, cB] = clauseBounds(hw, sFrom, sTo, at);
    const dBefore = deadlines.filter((d) => d.at < at);
    const deadline = (dBefore[dBefore.length - 1] ?? deadlines.find((d) => d.at >= at))?.value ?? carried;
    // "实现家庭医生签约服务全覆盖": what is covered, without the verb on either side
    const covered = text.slice(cA, at).replace(/(实现|达到|基本实现)\s*$/, '');
    const indicator = trimIndicator(covered.replace(/^\s*(?:基本)?实现/, '')).replace(/\s+/g, '');
    // "覆盖率达到100%，实现全覆盖": a 全覆盖 naming nothing restates the 100 % written before it
    if (!indicator && found.some((f) => f.figureStart < at && f.unit === '%' && f.value === 100)) continue;
    found.push({
      quoteStart: cA,
      quoteEnd: cB,
      figureStart: at,
      figureEnd: at + m[0].length,
      indicator: indicator ? `${indicator}覆盖率` : '覆盖率',
      comparator: '=',
      value: 100,
      valueMax: null,
      unit: '%',
      normalizedValue: 100,
      baseUnit: '%',
      deadline,
      perYear: false,
      perUnit: null,
      linkTo: null,
      sentence: sIndex,
    });
  }
}

/** Figures written as words: 三分之二, 一半以上, 零增长. */
function addWordFigures(s: Sentence, found: DraftTarget[]): void {
  const { text, hw, from: sFrom, to: sTo, deadlines, carried, index: sIndex } = s;
  const sHw = hw.slice(sFrom, sTo);
  for (let m; (m = WORD_FIGURE.exec(sHw));) {
    const at = sFrom + m.index;
    if (found.some((f) => f.figureStart <= at && at < f.figureEnd)) continue;
    const [cA, cB] = clauseBounds(hw, sFrom, sTo, at);
    if (POLICY_PARAMETER.test(hw.slice(cA, at))) continue;
    const zero = m[4] !== undefined;
    const value = zero
      ? 0
      : m[3]
        ? 50
        : Number(((100 * (chineseNumber(m[2]) ?? 0)) / (chineseNumber(m[1]) ?? 1)).toFixed(1));
    const before = hw.slice(cA, at);
    // "三分之二以上的县", "四分之三左右": the suffix bounds a fraction as it bounds a figure
    const after = hw.slice(at + m[0].length, cB);
    const suffix = /^(以上|以下|以内|左右)?/.exec(after)?.[0] ?? '';
    // "首诊率低于四分之一的县": a fraction after a comparison word and before 的 names who is meant
    if (!suffix && /^\s*的/.test(after) && /(超过|高于|低于|不足|大于|小于)\s*$/.test(before)) continue;
    const comparator: Comparator = zero ? '<=' : m[3] ? '>=' : wordFigureComparator(before, suffix);
    const dBefore = deadlines.filter((d) => d.at < at);
    const deadline = (dBefore[dBefore.length - 1] ?? deadlines.find((d) => d.at >= at))?.value ?? carried;
    found.push({
      quoteStart: cA,
      quoteEnd: cB,
      figureStart: at,
      figureEnd: at + m[0].length,
      indicator: wordFigureIndicator(text, cA, at, at + m[0].length, cB),
      comparator,
      value,
      valueMax: null,
      unit: '%',
      normalizedValue: value,
      baseUnit: '%',
      deadline,
      perYear: false,
      perUnit: null,
      linkTo: null,
      sentence: sIndex,
    });
  }
  WORD_FIGURE.lastIndex = 0;
}

/** A fraction's comparator, read as a figure's is: "超过三分之二" >, "三分之一以内" ≤, "四分之三左右" ≈. */
function wordFigureComparator(before: string, suffix: string): Comparator {
  if (suffix === '以上') return GT_BEFORE.test(before) && !/不超过|不高于/.test(before) ? '>' : '>=';
  if (suffix === '以下' || suffix === '以内') return '<=';
  if (suffix === '左右' || APPROX_BEFORE.test(before)) return '≈';
  if (LE_BEFORE.test(before)) return '<=';
  if (GE_BEFORE.test(before)) return '>=';
  if (GT_BEFORE.test(before)) return '>';
  if (LT_BEFORE.test(before)) return '<';
  return '=';
}

/**
 * What a word figure measures: the words before it without the comparator ("药占比控制在三分之一以内"),
 * or, for "三分之二以上的县…", what follows 的 (as "80%以上的村卫生室…" is read).
 */
function wordFigureIndicator(text: string, cA: number, at: number, figEnd: number, cB: number): string {
  const rest = text.slice(figEnd, cB);
  const ofWhat = /^\s*(?:以上|以下|以内|左右)?\s*的/.exec(rest);
  const what = ofWhat
    ? rest.slice(ofWhat[0].length)
    : text
        .slice(cA, at)
        .replace(COMPARATOR_AT_END, '')
        .replace(/实现\s*$/, '');
  return trimIndicator(what).replace(/\s+/g, '');
}

/** Dated clauses with no figure: milestones. */
function addMilestones(s: Sentence, found: DraftTarget[]): void {
  const { text, hw, from: sFrom, to: sTo, deadlines, index: sIndex } = s;
  // milestones: a dated clause with no figure ("到2020年，基本建立…体系", "2019年6月底前…出台…方案");
  // one per dated clause, and none in a part of the sentence (between ；) that already has a figure
  // a figure belongs to the date written before it in the part ("2023年完成A，2024年B不低于60%" gives
  // a milestone for A only); a date closing its clause ("…达到90%，2025年底前完成") governs what precedes it
  for (const [pFrom, pTo] of parts(hw, sFrom, sTo)) {
    const partFigure = found.some((f) => f.figureStart >= pFrom && f.figureStart < pTo);
    const dated = deadlines.filter((d) => d.at >= pFrom && d.at < pTo);
    let lastClauseEnd = -1;
    for (const d of deadlines) {
      if (d.at < pFrom || d.at >= pTo || !d.explicit) continue;
      const [cA, cB] = clauseBounds(hw, pFrom, pTo, d.at);
      if (cA < lastClauseEnd) continue;
      if (partFigure) {
        const leadsClause = !hw
          .slice(cA, d.at)
          .replace(/[\s到至力争取确保计划预计在于自从本方案意见通知]/g, '');
        const next = dated.find((x) => x.at >= cB);
        const domainEnd = next ? clauseBounds(hw, pFrom, pTo, next.at)[0] : pTo;
        if (!leadsClause || !dated.every((x) => x === d || x.at >= cB || x.at < cA)) continue;
        if (found.some((f) => f.figureStart >= cA && f.figureStart < domainEnd)) continue;
        // "…达到90%，2025年底前完成": the date closes the figure's commitment
        if ((hw.slice(d.end, cB).match(/[\u4e00-\u9fa5]/g) ?? []).length < 4) continue;
      }
      // "到2020年，" alone: the commitment is the next clause
      let qEnd = cB;
      if (!hw.slice(d.end, cB).replace(/[\s前底末]/g, '')) {
        let k = cB + 1;
        while (k < pTo && !/[，,；;：:。]/.test(hw[k])) k++;
        qEnd = Math.min(k, pTo);
      }
      let qStart = d.at;
      const cjk = (a: number, b: number) => (hw.slice(a, b).match(/[\u4e00-\u9fa5]/g) ?? []).length;
      if (cjk(d.end, qEnd) < 4) {
        // "…体系，2018年底前完成": the commitment is written before the date
        qStart = cA;
        if (cjk(cA, d.at) < 4) {
          // "（完成时限：2018年底前）": the whole sentence is the commitment
          qStart = sFrom;
          qEnd = Math.max(qEnd, sTo);
        }
        if (cjk(qStart, qEnd) - cjk(d.at, d.end) < 4) continue;
      }
      if (BASELINE.test(hw.slice(pFrom, d.at))) continue;
      // "到2025年，主要目标是：": the date opens a list, whose items carry it
      if (/^[：:]\s*$/.test(hw.slice(qEnd, sTo))) continue;
      // a recurring report or meeting ("每季度通报进展", "每月5日前报…汇总") is how the work is run, not a result
      if (d.cycle && REPORTING.test(hw.slice(qStart, qEnd))) continue;
      lastClauseEnd = qEnd;
      // "建立分级诊疗制度，2023年底前完成": what is done is written before the date, not after it
      // the label of a bracketed time limit ("（完成时限：") and the 前 a recurring date leaves out are no part of it
      const what =
        qStart < d.at
          ? text.slice(qStart, d.at).replace(/[（(][^（）()]*$/, '')
          : text.slice(d.end, qEnd).replace(/^\s*(?:之前|以前|前)/, '');
      found.push({
        quoteStart: qStart,
        quoteEnd: qEnd,
        figureStart: d.at,
        figureEnd: d.end,
        indicator: trimIndicator(what).replace(/\s+/g, '').slice(0, 80),
        comparator: 'milestone',
        value: null,
        valueMax: null,
        unit: null,
        normalizedValue: null,
        baseUnit: null,
        deadline: d.value,
        perYear: d.cycle === 'year',
        perUnit: null,
        ...(d.cycle ? { cycle: d.cycle } : {}),
        linkTo: null,
        sentence: sIndex,
      });
    }
  }
}

/** Deadline written in a table cell ("2025年9月底前", "2025年底", "9月底前" in the document's year), or null. */
export function cellDeadline(hw: string, from: number, to: number, docYear: number | null): string | null {
  const hits = findDeadlines(hw, from, to, { docYear });
  if (hits.length) return hits[hits.length - 1].value;
  const m = hw
    .slice(from, to)
    .match(/(\d{1,2})\s*月(?:份)?\s*(?:\d{1,2}\s*日)?\s*(?:底|末|中旬|上旬|下旬)?\s*(?:前|之前|以前)?/);
  if (m && docYear && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `${docYear}-${m[1].padStart(2, '0')}`;
  return null;
}

/** A milestone over [from, to) of the text. */
export function milestoneDraft(from: number, to: number, deadline: string, indicator: string): DraftTarget {
  return {
    quoteStart: from,
    quoteEnd: to,
    figureStart: from,
    figureEnd: to,
    indicator: indicator.replace(/\s+/g, '').slice(0, 80),
    comparator: 'milestone',
    value: null,
    valueMax: null,
    unit: null,
    normalizedValue: null,
    baseUnit: null,
    deadline,
    perYear: false,
    perUnit: null,
    linkTo: null,
    sentence: 0,
  };
}

/** A figure written alone in a table cell ("≥95", "78.3", "<18", "90%以上"), read against an indicator row. */
export function tableFigure(
  hw: string,
  nameStart: number,
  valueStart: number,
  valueEnd: number,
  unit: string | null,
  deadline: string | null,
  indicator: string,
): DraftTarget | null {
  const v = hw.slice(valueStart, valueEnd).replace(/\s+/g, '');
  const m = v.match(
    /^(≥|>=|＞|>|≤|<=|<|＜|约|不低于|不少于|不高于|不超过)?(\d+(?:\.\d+)?)(?:(?:—|-|~|～|至)(\d+(?:\.\d+)?))?(%|‰)?(以上|以下|左右|以内)?$/,
  );
  if (!m) return null;
  const value = Number(m[2]);
  const valueMax = m[3] !== undefined ? Number(m[3]) : null;
  let comparator: Comparator = '=';
  const pre = m[1] ?? '';
  const suf = m[5] ?? '';
  if (valueMax !== null) comparator = 'range';
  else if (/≥|>=|不低于|不少于/.test(pre) || suf === '以上') comparator = '>=';
  else if (/>|＞/.test(pre)) comparator = '>';
  else if (/≤|<=|不高于|不超过/.test(pre) || /以下|以内/.test(suf)) comparator = '<=';
  else if (/<|＜/.test(pre)) comparator = '<';
  else if (pre === '约' || suf === '左右') comparator = '≈';
  const u = m[4] ?? unit;
  const n = normaliseUnit(u, value);
  return {
    quoteStart: nameStart,
    quoteEnd: valueEnd,
    figureStart: valueStart,
    figureEnd: valueEnd,
    indicator: indicator.replace(/[（(][^（）()]{1,12}[）)]\s*$/, '').replace(/\s+/g, ''),
    comparator,
    value,
    valueMax,
    unit: u,
    normalizedValue: n.normalizedValue,
    baseUnit: n.baseUnit,
    deadline,
    perYear: false,
    perUnit: null,
    linkTo: null,
    sentence: 0,
  };
}
