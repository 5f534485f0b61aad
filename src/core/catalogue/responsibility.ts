/**
 * Responsibility notes: the parenthesis that closes a task and names who does it,
 * e.g. "（市卫计局负责，市人社局、市发改局参与）", "(A、B、C分别负责)",
 * "（牵头单位：市委组织部；配合单位：市国资委）" or
 * "（发展改革委、卫生健康委负责,排第一位为牵头部门,下同。）" — the last one also sets a
 * rule (first named leads) for the rest of the document.
 */
import { halfWidth } from './text.js';

export interface Responsibility {
  lead: string[];
  participants: string[];
}

export interface NoteRule {
  /** The first unit of a plain "A、B、C负责" list leads, the others take part. */
  firstLeads: boolean;
}

const LEAD_WORDS = '负责|牵头|主责|主办|承办|落实';
const PART_WORDS = '参与|配合|协助|协办|协同|参加';
const KEYWORDS = new RegExp(
  `(${LEAD_WORDS}|${PART_WORDS}|责任单位|牵头单位|牵头部门|责任部门|配合单位|参与单位)`,
);

/** Split a list of units at top level on 、，, and line breaks, keeping "各县（市、区）政府" whole. */
export function splitUnits(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '（' || ch === '(') depth++;
    if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,;；\n/]/.test(ch)) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else {
      cur += ch;
    }
  }
  if (cur.trim()) out.push(cur.trim());
  return out
    .map((u) =>
      u
        .replace(/^(和|及|以及|由)/, '')
        .replace(/(等(有关|相关)?(部门|单位)?)$/, '')
        .replace(/\s+/g, '')
        .trim(),
    )
    .filter((u) => u.length >= 2 && u.length <= 40);
}

/** True when the parenthesis text reads as a responsibility note. */
export function isResponsibilityNote(inner: string): boolean {
  const t = halfWidth(inner).trim();
  if (t.length < 3 || t.length > 300) return false;
  if (!KEYWORDS.test(t)) return false;
  // "（含境外）", "（州）": no keyword; "（不含药品）": no keyword. Guard prose like "（由政府负责保障的…）"
  if (/的/.test(t.replace(/(排第一位|排在第一位|第一位|第一个)的?/g, '')) && !/单位|部门/.test(t))
    return false;
  return true;
}

/** Time parts of a note ("完成时限：2023年底前", "2022年底前完成", "持续推进") are not units. */
const TIME_PART =
  /^\s*(?:(?:完成时限|完成时间|时间节点|时限要求|时限|完成期限|进度要求)\s*[:：]|于?\s*(?:19|20)\d{2}\s*年|\d{1,2}\s*月(?:底|末|份)|年底前|年内|明年|持续推进|长期坚持|长期推进|逐年推进)/;

export function withoutTime(inner: string): string {
  const parts = inner.split(/([，,；;])/);
  const keep: string[] = [];
  for (let k = 0; k < parts.length; k += 2) {
    if (TIME_PART.test(parts[k])) continue;
    if (keep.length) keep.push(parts[k - 1]);
    keep.push(parts[k]);
  }
  return keep.join('').replace(/^[，,；;]+|[，,；;]+$/g, '');
}

/** The time part of a note, if any (for its deadline). */
export function timePart(inner: string): string | null {
  return inner.split(/[，,；;]/).find((p) => TIME_PART.test(p)) ?? null;
}

/**
 * Parse a note's inner text. Returns the units and whether the note declares the
 * "first named leads" rule (and whether it holds for the rest of the document: 下同).
 */
export function parseResponsibility(
  inner: string,
  rule: NoteRule,
): { resp: Responsibility; declaresRule: boolean; persistent: boolean } | null {
  if (!isResponsibilityNote(inner)) return null;
  // "A负责、B参与": the list separator after a lead word separates two clauses
  const text = withoutTime(inner.trim()).replace(new RegExp(`(${LEAD_WORDS})、`, 'g'), '$1，');
  const RULE = /(排(在)?第一(位|个)|第一(位|个|家)(的)?(为|是)?牵头|排名第一|排首位)/;
  const declaresRule = RULE.test(text);
  const persistent = declaresRule && /下同/.test(text);
  const firstLeads = declaresRule || rule.firstLeads;
  const lead: string[] = [];
  const participants: string[] = [];
  const explicitLead: string[] = [];
  // labelled lists ("责任单位：A，B；配合单位：C") run to the next label, commas included
  const LABEL =
    /(牵头单位|牵头部门|责任单位|责任部门|主办单位|配合单位|参与单位|协办单位|配合部门|参与部门)\s*[:：]/g;
  const labels = [...text.matchAll(LABEL)];
  const segments: string[] = [];
  if (labels.length) {
    const before = text.slice(0, labels[0].index);
    segments.push(...before.split(/[，,；;。]/));
    labels.forEach((m, k) => {
      const end = k + 1 < labels.length ? labels[k + 1].index : text.length;
      segments.push(
        text
          .slice(m.index, end)
          .replace(/[，,；;。\s]+$/, '')
          .replace(/[，,；;]/g, '、'),
      );
    });
  } else {
    segments.push(...text.split(/[，,；;。]/));
  }
  for (let k = 0; k < segments.length; k++) {
    // "负责落实", "牵头组织实施": the verb after 负责/牵头 adds nothing; "牵头负责" leads
    segments[k] = segments[k]
      .trim()
      .replace(/(负责|牵头)(组织实施|组织落实|落实|实施|推进|执行)$/, '$1')
      .replace(/牵头负责$/, '牵头');
  }
  for (const seg of segments.filter(Boolean)) {
    if (/^(排|下同|其中|各地|以下)/.test(seg) && !/[:：]/.test(seg)) continue;
    // "第一位为牵头单位" states the rule and names no unit
    if (RULE.test(seg)) continue;
    const labelled = seg.match(
      /^(牵头单位|牵头部门|责任单位|责任部门|主办单位|配合单位|参与单位|协办单位|配合部门|参与部门)\s*[:：]\s*(.*)$/,
    );
    if (labelled) {
      const units = splitUnits(labelled[2]);
      if (/牵头|主办/.test(labelled[1])) {
        lead.push(...units);
        explicitLead.push(...units);
      } else if (/责任/.test(labelled[1])) lead.push(...units);
      else participants.push(...units);
      continue;
    }
    // "A牵头B配合" written without a separator (checked before a plain partner list, which it also ends like)
    const both = seg.match(new RegExp(`^(.+?)(?:${LEAD_WORDS})(.+?)(?:${PART_WORDS})$`));
    if (both) {
      lead.push(...splitUnits(both[1]));
      participants.push(...splitUnits(both[2]));
      continue;
    }
    const p = seg.match(new RegExp(`^(.*?)(?:共同|分别|等)?(?:${PART_WORDS})(?:单位|部门)?$`));
    if (p && p[1]) {
      participants.push(...splitUnits(p[1]));
      continue;
    }
    const l = seg.match(new RegExp(`^(.*?)(分别|共同|按职责分工|按职责)?(?:${LEAD_WORDS})(?:单位|部门)?$`));
    if (l && l[1]) {
      const units = splitUnits(l[1]);
      if (/牵头(单位|部门)?$/.test(seg)) explicitLead.push(...units);
      if (firstLeads && l[2] !== '分别' && units.length > 1) {
        lead.push(units[0]);
        participants.push(...units.slice(1));
      } else {
        lead.push(...units);
      }
      continue;
    }
  }
  // "A牵头，B、C按职责分工负责": with an explicit 牵头 the other responsible units take part
  if (explicitLead.length && lead.length > explicitLead.length) {
    participants.unshift(...lead.filter((u) => !explicitLead.includes(u)));
    lead.length = 0;
    lead.push(...explicitLead);
  }
  if (!lead.length && !participants.length) return null;
  const uniq = (xs: string[]) => [...new Set(xs)];
  const leads = uniq(lead);
  return {
    resp: { lead: leads, participants: uniq(participants).filter((p) => !leads.includes(p)) },
    declaresRule,
    persistent,
  };
}

export interface NoteSpan {
  /** Offset of the opening bracket. */
  start: number;
  /** Offset just past the closing bracket (and a following full stop, if any). */
  end: number;
  inner: string;
}

/**
 * Every responsibility note in [from, to): the trailing one of each line, and notes inside a
 * line that close a sentence ("…（A负责，B参与）。下一句…").
 */
export function notesIn(text: string, from: number, to: number): NoteSpan[] {
  const out: NoteSpan[] = [];
  const stack: number[] = [];
  for (let i = from; i < to; i++) {
    const ch = text[i];
    // 【牵头单位：…】 is written like a parenthesis in some plans
    if (ch === '（' || ch === '(' || ch === '【') stack.push(i);
    else if ((ch === '）' || ch === ')' || ch === '】') && stack.length) {
      const open = stack.pop()!;
      if (stack.length) continue;
      let k = i + 1;
      while (k < to && /[ \t\u3000]/.test(text[k])) k++;
      const closesSentence = k >= to || /[。；;\r\n.]/.test(text[k]);
      if (!closesSentence) continue;
      const inner = text.slice(open + 1, i);
      if (!isResponsibilityNote(inner)) continue;
      let end = i + 1;
      while (end < to && /[。.；;]/.test(text[end])) end++;
      out.push({ start: open, end, inner });
    }
  }
  // "牵头单位：省卫生健康委" written as a line of its own, without brackets
  const labelled =
    /(^|\n)[ \t\u3000]*((?:牵头单位|责任单位|牵头部门|责任部门|配合单位|参与单位)[:：][^\n]*)/g;
  const slice = text.slice(from, to);
  for (let m; (m = labelled.exec(slice));) {
    const start = from + m.index + m[0].length - m[2].length;
    if (out.some((n) => n.start <= start && start < n.end)) continue;
    out.push({ start, end: start + m[2].length, inner: m[2] });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A unit's name: a body that ends in an organ's word ("市生态环境局", "各县（区）政府", "各牵头单位"). */
const UNIT_NAME =
  '(?:各|全)?[\\u4e00-\\u9fa5（）()、]{1,18}?(?:委员会|管委会|办公室|人民政府|政府|局|委|厅|办|部|院|中心|单位|集团|公司|银行|署|馆)';
/** How a doer's sentence goes on: a modal, a leading or joint verb, or a time or frequency it acts at. */
const DOER_NEXT = '(要|应当|应|须|必须|将|牵头|会同|联合|负责|每|在|于|到|按|定期|及时)';
const SUBJECT = new RegExp(`^(${UNIT_NAME}(?:、${UNIT_NAME})*)${DOER_NEXT}`);
/** A government body (not an institution such as "县级医院", which names a class of them). */
const ORGAN = /(委员会|管委会|办公室|政府|局|委|厅|办|部|署)$/;
/** "各省份要…", "各市（州）要…": the places addressed, as doers only where no note names one. */
const PLACES =
  /^(各(?:省份|省|地|地区|市|县|区|州|市（州）|县（市、区）|县（区）|县（市）|区县))(?=要|应|须|必须)/;
/** "A会同B，…": B works with A. */
const WITH = new RegExp(`^(?:会同|联合)(${UNIT_NAME}(?:、${UNIT_NAME})*)(?=[，,]|在|于|到|要|共同)`);

/**
 * The doer named as the subject of a sentence ("市生态环境局要确保…", "市文化旅游局牵头，…",
 * "市卫生健康委会同市医保局，…", "各县（区）政府要在…"), or null when the sentence opens otherwise.
 * `named` is true for government bodies, false for places addressed as a group ("各省份要…") and for
 * institutions ("县级医院要…"), which are doers only where no note names one.
 */
export function sentenceDoer(sentence: string): (Responsibility & { named: boolean }) | null {
  const s = sentence.replace(/^[\s\u3000]+/, '');
  const m = SUBJECT.exec(s);
  if (!m) {
    const p = PLACES.exec(s);
    return p ? { lead: [p[1]], participants: [], named: false } : null;
  }
  // "和" belongs to names ("省文化和旅游厅"): only 、 separates bodies
  const lead = splitUnits(m[1]);
  if (!lead.length) return null;
  const joint = m[2] === '会同' || m[2] === '联合' ? WITH.exec(s.slice(m[1].length)) : null;
  const participants = joint ? splitUnits(joint[1]) : [];
  const named = lead.every((u) => ORGAN.test(u));
  return { lead, participants: participants.filter((u) => !lead.includes(u)), named };
}
