/** A CSV file Excel opens correctly in Chinese (UTF-8 with BOM, CRLF, quoted fields). */
const quote = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  // A leading = + - @ would make Excel evaluate the cell; text from the server is data, never a formula.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function toCsv(header: string[], rows: (string | number | null)[][]): Blob {
  const lines = [header, ...rows].map((r) => r.map(quote).join(','));
  return new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
}
