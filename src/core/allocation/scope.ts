/**
 * The word for whose target an overall target is ("全省≥50个"), from the level of the issuing authority:
 * a province's government sets 全省 targets, a city's 全市, a State Council ministry 全国.
 */
import type { PolicyDocument } from '../model/catalogue.js';

/** Administrative-division words and the scope each gives. */
const DIVISIONS: Record<string, string> = {
  自治区: '全区',
  省: '全省',
  自治州: '全州',
  州: '全州',
  盟: '全盟',
  市: '全市',
  旗: '全旗',
  县: '全县',
  区: '全区',
};
const DIVISION = /自治区|自治州|省|州|盟|市|旗|县|区/g;
/** Words holding a division character that name no division ("市场监督管理厅", "社区"). */
const NOT_DIVISION = /市场|城市|都市|社区|区域|园区|景区|街区|省级|市级|县级|区级|州级/g;
const NATIONAL = /国务院|国家|中共中央|中央|部|总局|委员会|署/;

/** Used when the issuer is unknown: the target is still the whole of what was allocated. */
export const DEFAULT_SCOPE = '总体';

/**
 * The scope word of a document's targets, from its issuer (or, lacking one, the authority its title
 * opens with). The lowest division named decides: "长春市朝阳区人民政府" sets 全区 targets.
 */
export function scopeOf(doc: Pick<PolicyDocument, 'issuer' | 'title'> | undefined): string {
  if (!doc) return DEFAULT_SCOPE;
  for (const source of [doc.issuer, leadingAuthority(doc.title)]) {
    const word = source ? scopeOfAuthority(source) : null;
    if (word) return word;
  }
  return DEFAULT_SCOPE;
}

function scopeOfAuthority(name: string): string | null {
  // a space, not nothing: the words either side must not join ("中国城市家具协会" holds no 国家)
  const cleaned = name.replace(NOT_DIVISION, ' ');
  const divisions = cleaned.match(DIVISION);
  const last = divisions?.at(-1);
  if (last) return DIVISIONS[last] ?? null;
  return NATIONAL.test(cleaned) ? '全国' : null;
}

/** "吉林省人民政府关于…" → "吉林省人民政府"; a title naming no authority before 关于 gives null. */
function leadingAuthority(title: string): string | null {
  const i = title.indexOf('关于');
  return i > 0 ? title.slice(0, i) : null;
}
