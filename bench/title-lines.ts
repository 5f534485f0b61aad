/**
 * The report title's line breaker (src/core/report/title-lines.ts) on long input (issue 14): its work
 * must grow linearly with the title. A 200,000-character title (the input that once hung `luoshi
 * report`) must break in ≤ 1 s, and 10× the characters must cost no more than ~10× the time.
 */
import { breakTitle } from '../src/core/report/title-lines.js';

const PHRASES = [
  '吉林省人民政府',
  '关于',
  '《',
  '促进健康服务业发展',
  '》',
  '的实施意见',
  '落实情况',
  '、',
  '2025年',
  'ABC',
];

function title(chars: number): string {
  let s = '';
  for (let i = 0; s.length < chars; i++) s += PHRASES[(i * 7) % PHRASES.length];
  return s.slice(0, chars);
}

function timed(chars: number): number {
  const t = title(chars);
  const start = performance.now();
  breakTitle(t);
  return performance.now() - start;
}

export function run(): void {
  timed(2000); // warm up
  const sizes = [2_000, 20_000, 200_000];
  const ms = sizes.map(timed);
  sizes.forEach((n, i) => console.log(`标题 ${n} 字：${ms[i].toFixed(1)} ms`));
  const target = 1000;
  const last = ms[ms.length - 1];
  console.log(
    `标题 200000 字断行：${last.toFixed(0)} ms（目标 ≤ ${target} ms，比值 ${(last / target).toFixed(2)}${last <= target ? '，达标' : '，未达标'}）`,
  );
  const growth = last / ms[1];
  console.log(`字数 ×10 时耗时 ×${growth.toFixed(1)}（线性约为 10，平方为 100）`);
  if (last > target || growth > 30) throw new Error('标题断行不是线性的');
}
