/**
 * Document metadata from the header and signature of a policy text: 发文字号, title,
 * issuing body and 成文日期. Web-page junk before the header is tolerated because every
 * field is found by its shape, not by its line number.
 */
import { chineseNumber, halfWidth, squeeze, type Line } from './text.js';

export interface DocumentMeta {
  docNumber: string | null;
  title: string | null;
  issuer: string | null;
  date: string | null;
  /** Index of the line holding the 成文日期 used, or -1. */
  dateLine: number;
}

/** 发文字号: an issuer abbreviation, the year in brackets of any kind, a serial and 号. */
const DOC_NUMBER =
  /([\u4e00-\u9fa5]{1,15}?)\s*[〔[［(（【]\s*((?:19|20)\d{2})\s*[〕\]］)）】]\s*(\d{1,5})\s*号/g;
const DATE_ONLY = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
/** "2022-06-30", "2022.6.30", "2022/06/30": how web portals write a 成文日期 field. */
const DATE_DASHED = /^((?:19|20)\d{2})([-./])(\d{1,2})\2(\d{1,2})$/;
const FIELD = /^([\u4e00-\u9fa5]{2,6})\s*[:：]\s*(.*)$/;

function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

const CN_DATE =
  /^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;
const CN_DIGIT = '〇一二三四五六七八九';

/** "二〇二一年二月九日" → ["2021", "2", "9"]; Arabic dates pass through DATE_ONLY or DATE_DASHED. */
function matchDate(s: string): [string, string, string] | null {
  const a = s.match(DATE_ONLY);
  if (a) return [a[1], a[2], a[3]];
  const d = s.match(DATE_DASHED);
  if (d) return [d[1], d[3], d[4]];
  const c = s.match(CN_DATE);
  if (!c) return null;
  const year = [...c[1]].map((ch) => String(CN_DIGIT.indexOf(ch.replace(/[○零]/, '〇')))).join('');
  const small = (t: string) => String(chineseNumber(t) ?? 0);
  return [year, small(c[2]), small(c[3])];
}

/** Fields of a web-portal header ("发文字号:\t…\t成文日期:\t…"), keyed by label. */
function headerFields(lines: Line[], limit: number): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of lines.slice(0, limit)) {
    for (const part of line.content.split(/\t+/)) {
      const m = halfWidth(part.trim()).match(FIELD);
      if (m && m[2].trim()) {
        const label = m[1];
        // the value may sit in the next tab cell
        fields.set(label, m[2].trim());
      }
    }
    const cells = line.content.split(/\t+/).map((c) => c.trim());
    for (let i = 0; i + 1 < cells.length; i++) {
      const lab = halfWidth(cells[i]).match(/^([\u4e00-\u9fa5]{2,6})\s*[:：]$/);
      if (lab && cells[i + 1]) fields.set(lab[1], cells[i + 1]);
    }
  }
  return fields;
}

export function normaliseDocNumber(prefix: string, year: string, serial: string): string {
  return `${prefix}〔${year}〕${String(Number(serial))}号`;
}

const TITLE_END =
  /(意见|方案|纲要|规划|通知|决定|办法|计划|规定|细则|措施|若干政策|政策|指导意见|实施意见|行动计划)(（[^）]*）|\([^)]*\))?$/;

export function extractMeta(lines: Line[], bodyStartLine: number): DocumentMeta {
  const headerLimit = Math.max(bodyStartLine, Math.min(lines.length, 40));
  const fields = headerFields(lines, Math.min(lines.length, 60));

  // 发文字号: a field value, else a line that is (nearly) only the number, else the first one in the header
  let docNumber: string | null = null;
  const fieldNumber = fields.get('发文字号') ?? fields.get('文号');
  const pick = (s: string): string | null => {
    DOC_NUMBER.lastIndex = 0;
    const m = DOC_NUMBER.exec(halfWidth(s).replace(/\s+/g, ''));
    if (!m) return null;
    // a label glued to the number ("发文字号吉政发…" once spaces are squeezed) is not part of it
    const prefix = m[1].replace(/^(?:发文字号|字号|文号)/, '');
    return normaliseDocNumber(prefix, m[2], m[3]);
  };
  if (fieldNumber) docNumber = pick(fieldNumber);
  if (!docNumber) {
    for (const line of lines.slice(0, headerLimit)) {
      const c = squeeze(halfWidth(line.content));
      if (c.length > 0 && c.length <= 30 && /号$/.test(c)) {
        const n = pick(c);
        if (n) {
          docNumber = n;
          break;
        }
      }
    }
  }

  // 成文日期: a field, else the first line that is only a date (the signature date)
  let date: string | null = null;
  let dateLine = -1;
  const fieldDate = fields.get('成文日期');
  if (fieldDate) {
    const m = matchDate(squeeze(halfWidth(fieldDate)));
    if (m) date = isoDate(m[0], m[1], m[2]);
  }
  for (let i = 0; i < lines.length; i++) {
    const m = matchDate(squeeze(halfWidth(lines[i].content)));
    if (m) {
      if (!date) date = isoDate(m[0], m[1], m[2]);
      dateLine = i;
      break;
    }
  }

  // Title: a field, else the header line with 关于 (or ending like a title) and its continuation lines
  let title: string | null = fields.get('标题')?.trim() || null;
  if (!title) {
    for (let i = 0; i < headerLimit && i < lines.length; i++) {
      const c = lines[i].content;
      if (!c || c.length > 60 || /[。；]/.test(c)) continue;
      if (!/关于/.test(c) && !TITLE_END.test(squeeze(c))) continue;
      if (/^[各]/.test(c) || /[:：]$/.test(c)) continue;
      let t = squeeze(c);
      let j = i + 1;
      let blanks = 0;
      while (j < lines.length && j < i + 8) {
        const wantsNotice = /印发|转发/.test(t);
        if (wantsNotice ? /通知$/.test(t) : TITLE_END.test(t)) break;
        const n = lines[j].content;
        if (!n) {
          if (++blanks > 1) break;
          j++;
          continue;
        }
        const nn = squeeze(halfWidth(n));
        if (matchDate(nn) || /号$/.test(nn) || /[:：]$/.test(n) || /[。；]/.test(n) || n.length > 40) break;
        t += squeeze(n);
        blanks = 0;
        j++;
      }
      // "湖南省人民政府办公厅\n关于…的实施意见": the issuing body on the line above belongs to the title
      if (/^关于/.test(t)) {
        let k = i - 1;
        while (k >= 0 && !lines[k].content) k--;
        const above = k >= 0 ? lines[k].content : '';
        if (
          above &&
          above.length <= 30 &&
          !/[，。、：:；\t]/.test(above) &&
          /(厅|府|委|局|部|院|会|办|室|署|处|组|党委|政府|委员会)$/.test(squeeze(above))
        ) {
          t = squeeze(above) + t;
        }
      }
      title = t;
      break;
    }
  }

  // Issuer: a field, else the part of the title before 关于, else the signature above the date
  let issuer: string | null = fields.get('发文机关')?.trim() || null;
  if (!issuer && title) {
    const m = title.match(/^(.{2,30}?)关于/);
    if (m) issuer = m[1]!;
  }
  if (!issuer && dateLine > 0) {
    let top: string | null = null;
    for (let i = dateLine - 1, seen = 0; i >= 0 && seen < 120; i--, seen++) {
      const c = lines[i].content;
      if (!c) continue;
      if (c.length > 20 || /[，。、：:；]/.test(c)) break;
      top = squeeze(c);
    }
    issuer = top;
  }
  return { docNumber, title, issuer, date, dateLine };
}

/** Document id: "吉政发-2014-14" from the 发文字号, else "doc-" and a hash of the title. */
export function documentIdFrom(docNumber: string | null, fallback: string): string {
  if (docNumber) {
    const m = docNumber.match(/^(.*)〔(\d{4})〕(\d+)号$/);
    if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  return fallback;
}
