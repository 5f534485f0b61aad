/**
 * ASCII punctuation typed next to Chinese text becomes full-width (GB/T 15834), so that data from
 * workbooks reads like the rest of a 公文. Numbers such as "1,000" or "3:2" between digits stay as typed.
 */
const CJK = '\\u3400-\\u9fff\\uff01-\\uff5e\\u3000-\\u303f';
const FULL: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};
const AFTER = new RegExp(`([${CJK}])\\s*([,;:?!()])`, 'g');
const BEFORE = new RegExp(`([,;:?!()])\\s*([${CJK}])`, 'g');

export function fullWidthPunctuation(s: string): string {
  // A bracket pair around or beside Chinese text becomes full-width as a pair.
  let out = s.replace(/\(([^()]*)\)/g, (m, inner: string, off: number, all: string) => {
    const near = inner + (all[off - 1] ?? '') + (all[off + m.length] ?? '');
    return /[\u3400-\u9fff]/.test(near) ? `（${inner}）` : m;
  });
  // Twice, so that runs like "（a)" next to each other settle.
  for (let i = 0; i < 2; i++) {
    out = out
      .replace(AFTER, (_m, a: string, p: string) => `${a}${FULL[p]}`)
      .replace(BEFORE, (_m, p: string, b: string) => `${FULL[p]}${b}`);
  }
  return out;
}
