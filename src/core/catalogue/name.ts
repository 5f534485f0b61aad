/**
 * Short names of targets (Target.name), fit for a report sentence and a table header:
 * "社会体育指导员人数达到人口总数" with ‰ → "社会体育指导员占人口比例", "建设国家临床重点专科" with 个 →
 * "国家临床重点专科数". Derived from the indicator the extractor cut from the quote; the office can
 * correct it in 目录审核. Pure string rules, no dictionary of indicators.
 */
import type { Comparator } from '../model/catalogue.js';

export interface NameInput {
  indicator: string;
  quote: string;
  unit: string | null;
  comparator: Comparator;
}

/** Longest name kept: a table header of a few lines. */
const MAX_LENGTH = 24;

/** Scope and time words that open a sentence but do not name the indicator. */
const LEADING_SCOPE =
  /^(?:(?:到|至|在)?(?:19|20)\d{2}年(?:底|末)?(?:前)?|全国|全省|全市|全县|全区|全州|我省|我市|我县|我区|各地|各级|本地区)+/;
/** Verbs of doing that precede the thing counted ("建设国家临床重点专科" → "国家临床重点专科"). */
const LEADING_VERB =
  /^(?:力争|争取|确保|努力|协同|加快|积极|大力|着力|进一步|基本|全面|逐步)*(?:推进|推动|实现|完成|建设|建成|新建|新增|培育出?|开发出?|获得|设置完成|设置|突破|支持|打造|组建|创建|争创|引进|培养|培训|开展|举办|实施|改造|新改建|累计)(?=[\u4e00-\u9fa5]{2})/;
/** Verbs and qualifiers that close the indicator before the figure. */
const TRAILING =
  /(?:要|须|应)?(?:达到|达|提高到|提高至|提升到|提升至|增加到|增长到|降低到|降至|下降到|控制在|保持在|稳定在|不低于|不少于|不高于|不超过|超过|低于|高于|以上|以下|左右|为|在)$/;
const PERCENT = /^[%‰]$|^个百分点$/;
/** Units of a count: the name of a count ends in 数 ("…专科数"). */
const COUNT_UNIT =
  /^(?:万|亿|千|百)?(?:个|所|家|项|种|张|座|处|条|套|台|辆|艘|支|批|期|场|场次|次|件|篇|部|门|户|村|镇|县|园|区|只|头|株|棵|人|名|位|床)$/;
const ENDS_AS_MEASURE =
  /(?:数|量|率|比|比例|比重|占比|面积|规模|总额|额|产值|收入|长度|里程|容量|人次|次数|时间|年限|密度|指数|水平|增速|增幅|总量|人均[\u4e00-\u9fa5]+)$/;

/** "A、B、C等服务" → "A等服务": an enumeration keeps its first item. */
function contractList(s: string): string {
  return s.replace(/(?:、[^、，。；（）()]+?)+(?=等)/g, '');
}

/** "X人数达到Y总数" with a percentage → "X人数占Y比例". */
function shareName(s: string): string | null {
  const m = s.match(/^(.+?)(?:达到|占|达)(.+?)(?:的)?(?:比例|比重)?$/);
  if (!m || m[1].length < 2 || m[2].length < 2) return null;
  const part = m[1].replace(/的(?=人数|数量|[\u4e00-\u9fa5]{0,3}量$)/, '');
  const whole = m[2].replace(/(?:总数|总人数)$/, '');
  // "指导员人数占人口比例" says 人 twice: "指导员占人口比例"
  return `${/人口/.test(whole) ? part.replace(/(?<=.{2})人数$/, '') : part}占${whole}比例`;
}

function tidy(s: string): string {
  let out = s.replace(/\s+/g, '').replace(/^[，,、；;：:”"]+|[，,、；;：:“"。]+$/g, '');
  for (let k = 0; k < 3; k++) {
    const before = out;
    out = out.replace(LEADING_SCOPE, '').replace(LEADING_VERB, '').replace(TRAILING, '');
    if (out === before) break;
  }
  return out;
}

/** Milestones: the verb and the head noun ("形成…的整合型医疗卫生服务体系" → "形成整合型医疗卫生服务体系"). */
function milestoneName(s: string): string {
  const verb = s.match(/^(建立健全|建立起|建立|形成|建成|完成|实现|出台|制定|印发|健全|完善)/)?.[1] ?? '';
  const de = s.lastIndexOf('的');
  if (verb && de > verb.length && s.length - de - 1 >= 4) return `${verb}${s.slice(de + 1)}`;
  return contractList(s);
}

/** The short name of one target; empty when the indicator says nothing usable. */
export function shortName(t: NameInput): string {
  // without an indicator, the quote up to its figure
  const raw =
    t.indicator.length >= 2
      ? t.indicator
      : t.quote.replace(/[0-9０-９一二三四五六七八九十百千万两]+[^，。；]*$/, '');
  let name: string;
  if (t.comparator === 'milestone') {
    name = milestoneName(
      raw
        .replace(/\s+/g, '')
        .replace(LEADING_SCOPE, '')
        .replace(/^(?:力争|争取|确保|基本)+/, ''),
    );
  } else {
    const base = tidy(raw);
    const unit = t.unit ?? '';
    if (PERCENT.test(unit)) {
      // "…占比提高" already names a share: its 占 does not start "占 … 比例"
      const share = /达到|占|达/.test(base) && !/率|比例|比重|占比/.test(base) ? shareName(base) : null;
      name =
        share ??
        (/(?:率|比例|比重|占比|增速|增幅|增长|下降|降低|提高|水平)$/.test(base) ? base : `${base}比例`);
    } else {
      const cut = base.replace(/(?:达到|达|超过|提高到|增加到|保持在|控制在).*$/, '');
      name = cut.length >= 2 ? cut : base;
      if (COUNT_UNIT.test(unit) && !ENDS_AS_MEASURE.test(name)) {
        name += /次$/.test(unit) ? '次数' : /^(?:万|亿|千|百)?(?:人|名|位)$/.test(unit) ? '人数' : '数';
      }
    }
    name = contractList(name);
  }
  return name.length > MAX_LENGTH ? name.slice(0, MAX_LENGTH) : name;
}
