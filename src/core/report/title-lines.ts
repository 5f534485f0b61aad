/**
 * Breaking a long 2号 title into lines the way GB/T 9704 7.3.1 asks: each line a complete phrase,
 * lines of similar length, longer lines above (梯形) or in the middle (菱形), never a lone character.
 */

/** Characters of 2号 (22 pt) that fit the 156 mm 版心: 8845 / 440 = 20. */
export const TITLE_CHARS = 20;

/**
 * How awkward a break before character `j` is (lower is better): after 关于/》/、 and before 《 or
 * before 落实情况/的报告 read well; inside a document title reads worst. `before` and `after` are the
 * two characters before and five after the break (every pattern is at most that long); `inTitle` says
 * whether an opened 《 is still unclosed there.
 */
function breakCost(before: string, after: string, inTitle: boolean): number {
  if (/关于$|》$|、$|，$/.test(before)) return 0;
  if (/^《|^落实|^的报告|^情况的报告|^贯彻/.test(after)) return 1;
  // Phrases in policy titles usually start with a verb.
  if (/^(促进|加快|推进|推动|进一步|加强|实施|深化|支持|做好|开展|完善|建立|健全|发展|提升|印发)/.test(after))
    return 2;
  if (/(的|和|与|及)$/.test(before)) return 6;
  if (inTitle) return 20;
  return 14;
}

function charWidth(ch: string): number {
  return ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
}

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

/** The cost of a break before each character (index 1..n-1), computed once in one pass. */
function breakCosts(chars: string[]): number[] {
  const costs = new Array<number>(chars.length + 1).fill(0);
  let inTitle = false;
  for (let j = 1; j < chars.length; j++) {
    const c = chars[j - 1];
    if (c === '《') inTitle = true;
    else if (c === '》') inTitle = false;
    const before = (chars[j - 2] ?? '') + c;
    let after = '';
    for (let k = j; k < j + 5 && k < chars.length; k++) after += chars[k];
    costs[j] = breakCost(before, after, inTitle);
  }
  return costs;
}

/**
 * Split a title into lines of at most `max` characters with the least awkward breaks. Dynamic
 * programming over break positions; a line holds at most 2·max characters (half-width ones count ½),
 * so the work is linear in the title's length.
 */
export function breakTitle(title: string, max = TITLE_CHARS): string[] {
  const chars = [...title];
  const total = width(title);
  if (total <= max) return [title];
  const n = chars.length;
  const lines = Math.ceil(total / max);
  const target = total / lines;
  // Widths of the prefixes: the width of chars[i..j) is at[j] - at[i].
  const at = new Array<number>(n + 1).fill(0);
  for (let i = 0; i < n; i++) at[i + 1] = at[i] + charWidth(chars[i]);
  const tails = breakCosts(chars);
  // For a line ending before character i: the least cost so far, where that line starts, its width.
  const cost = new Float64Array(n + 1).fill(Infinity);
  const prev = new Int32Array(n + 1).fill(-1);
  const len = new Float64Array(n + 1);
  cost[0] = 0;
  len[0] = Infinity;
  for (let i = 0; i < n; i++) {
    if (cost[i] === Infinity) continue;
    for (let j = i + 1; j <= n; j++) {
      const w = at[j] - at[i];
      if (w > max) break;
      if (j < n && j - i < 2) continue;
      const tail = j === n ? 0 : tails[j];
      const dev = (w - target) ** 2;
      // Lines growing longer downwards read badly; a very short last line reads worst.
      const shape = w > len[i] + 0.5 ? 4 : 0;
      const c = cost[i] + dev + tail * 3 + shape + (j === n && w < 3 ? 100 : 0);
      if (c < cost[j]) {
        cost[j] = c;
        prev[j] = i;
        len[j] = w;
      }
    }
  }
  const out: string[] = [];
  for (let j = n; j > 0; j = prev[j]) out.push(chars.slice(prev[j], j).join(''));
  return out.reverse();
}
