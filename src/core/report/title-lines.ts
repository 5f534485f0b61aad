/**
 * Breaking a long 2号 title into lines the way GB/T 9704 7.3.1 asks: each line a complete phrase,
 * lines of similar length, longer lines above (梯形) or in the middle (菱形), never a lone character.
 */

/** Characters of 2号 (22 pt) that fit the 156 mm 版心: 8845 / 440 = 20. */
export const TITLE_CHARS = 20;

/** Good places to break: after 关于/》/、 and before 《 or before 落实情况/的报告. */
function breakCost(text: string, i: number): number {
  const before = text.slice(0, i);
  const after = text.slice(i);
  if (/关于$|》$|、$|，$/.test(before)) return 0;
  if (/^《|^落实|^的报告|^情况的报告|^贯彻/.test(after)) return 1;
  // Phrases in policy titles usually start with a verb.
  if (/^(促进|加快|推进|推动|进一步|加强|实施|深化|支持|做好|开展|完善|建立|健全|发展|提升|印发)/.test(after))
    return 2;
  if (/(的|和|与|及)$/.test(before)) return 6;
  if (/《[^》]*$/.test(before)) return 20; // inside a document title
  return 14;
}

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}

/** Split a title into lines of at most `max` characters with the least awkward breaks. */
export function breakTitle(title: string, max = TITLE_CHARS): string[] {
  const chars = [...title];
  if (width(title) <= max) return [title];
  const n = chars.length;
  const lines = Math.ceil(width(title) / max);
  const target = width(title) / lines;
  // best[i] = [cost, previous break] for a line ending before character i.
  const best: { cost: number; prev: number; len: number }[] = Array.from({ length: n + 1 }, () => ({
    cost: Infinity,
    prev: -1,
    len: 0,
  }));
  best[0] = { cost: 0, prev: -1, len: Infinity };
  for (let i = 0; i < n; i++) {
    if (best[i].cost === Infinity) continue;
    for (let j = i + 1; j <= n; j++) {
      const line = chars.slice(i, j).join('');
      const w = width(line);
      if (w > max) break;
      if (j < n && j - i < 2) continue;
      const tail = j === n ? 0 : breakCost(title, chars.slice(0, j).join('').length);
      const dev = (w - target) ** 2;
      // Lines growing longer downwards read badly; a very short last line reads worst.
      const shape = w > best[i].len + 0.5 ? 4 : 0;
      const cost = best[i].cost + dev + tail * 3 + shape + (j === n && w < 3 ? 100 : 0);
      if (cost < best[j].cost) best[j] = { cost, prev: i, len: w };
    }
  }
  const out: string[] = [];
  for (let j = n; j > 0; j = best[j].prev) out.unshift(chars.slice(best[j].prev, j).join(''));
  return out;
}
