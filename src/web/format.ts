/** Dates and times as Chinese offices write them. */

const pad = (n: number): string => String(n).padStart(2, '0');

/** "2026-06-30 17:05" in the browser's time zone, or "—". */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Whole days from today to a "YYYY-MM-DD" deadline (negative once it has passed). */
export function daysUntil(deadline: string, today: Date = new Date()): number {
  const [y, m, d] = deadline.slice(0, 10).split('-').map(Number);
  const end = Date.UTC(y, m - 1, d);
  const start = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((end - start) / 86_400_000);
}

export function deadlineText(deadline: string): string {
  const days = daysUntil(deadline);
  if (days > 0) return `距截止还有 ${days} 天`;
  if (days === 0) return '今天截止';
  return `已超过截止日期 ${-days} 天`;
}
