/**
 * Which of several submissions of one office counts: the one the office saved last — the workbook's own
 * save time (docProps/core.xml, which Excel, WPS and LibreOffice update on every save), then the file's
 * modification time, then the order the files were given in. The typed 截至日期 never decides: a mistyped
 * date would make a first draft look newer.
 */

export interface VersionFacts {
  source: string;
  /** ISO timestamp from docProps/core.xml (dcterms:modified), or null. */
  savedAt: string | null;
  /** ISO timestamp of the file's modification time, or null. */
  fileTime: string | null;
  /** Position in the order the files were read. */
  order: number;
}

function later(a: string | null, b: string | null): number {
  const ta = a === null ? Number.NaN : Date.parse(a);
  const tb = b === null ? Number.NaN : Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return 0;
  return Math.sign(ta - tb);
}

function shown(iso: string): string {
  return iso
    .replace('T', ' ')
    .replace(/(\.\d+)?Z$/, '')
    .replace(/(\.\d+)?([+-]\d\d:\d\d)$/, '');
}

export function chooseVersion<T extends VersionFacts>(a: T, b: T): { winner: T; loser: T; reason: string } {
  const bySaved = later(a.savedAt, b.savedAt);
  if (bySaved !== 0) {
    const [w, l] = bySaved > 0 ? [a, b] : [b, a];
    return {
      winner: w,
      loser: l,
      reason: `采用单位最后保存的一份：工作簿保存时间 ${shown(w.savedAt!)} 晚于 ${shown(l.savedAt!)}（不按截至日期判断）`,
    };
  }
  const byFile = later(a.fileTime, b.fileTime);
  if (byFile !== 0) {
    const [w, l] = byFile > 0 ? [a, b] : [b, a];
    return {
      winner: w,
      loser: l,
      reason: `采用单位最后保存的一份：文件修改时间 ${shown(w.fileTime!)} 晚于 ${shown(l.fileTime!)}（工作簿未记录保存时间或保存时间相同）`,
    };
  }
  const [w, l] = a.order > b.order ? [a, b] : [b, a];
  return { winner: w, loser: l, reason: '两份的保存时间相同，按文件顺序采用后一份' };
}
