/** Runs and lines shared by the parts of a report: GB/T 9704 fonts on a run, the exact 22-line pitch. */
import { LineRuleType, Paragraph, TextRun } from 'docx';
import { CHAR_SPACING, LINE_PITCH, SIZE_3, type FontSet } from '../core/report/layout.js';
import { fullWidthPunctuation } from '../core/report/punctuation.js';

export interface RunStyle {
  font: string;
  size?: number;
  bold?: boolean;
  spacing?: boolean;
}

/** A run of text in an East Asian face with Latin digits; 3号 narrowed to 28 characters a line by default. */
export function run(text: string, fonts: FontSet, s: RunStyle): TextRun {
  return new TextRun({
    text: fullWidthPunctuation(text),
    font: { ascii: fonts.latin, hAnsi: fonts.latin, cs: fonts.latin, eastAsia: s.font, hint: 'eastAsia' },
    size: s.size ?? SIZE_3,
    bold: s.bold ?? false,
    characterSpacing: s.spacing === false ? undefined : CHAR_SPACING,
  });
}

export const exactLine = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** An exact spacing of `line` twips. */
export const exactly = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

/** An empty line of the body's pitch. */
export function blank(keepNext = false): Paragraph {
  return new Paragraph({ spacing: exactLine, keepNext, children: [] });
}

/** Width in 3号 character units: CJK and full-width count 1, ASCII half. */
export function charWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}
