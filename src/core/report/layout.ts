/**
 * GB/T 9704-2012 page geometry and font roles, in Word units (twips, half-points).
 * The rules and their numbers are in docs/gbt9704.md §1–3; 1 mm = 56.693 twips.
 */
import type { FontProfile } from './config.js';

export const TWIPS_PER_MM = 1440 / 25.4;

/** A4 portrait. */
export const PAGE_W = 11906;
export const PAGE_H = 16838;
/** 天头 37 mm, 订口 28 mm; right 26 mm and bottom 35 mm leave the 156 × 225 mm 版心. */
export const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;
export const TEXT_W = PAGE_W - MARGIN.left - MARGIN.right; // 8845
export const TEXT_H = PAGE_H - MARGIN.top - MARGIN.bottom; // 12756
/** Landscape table pages keep the 版心 size turned (GB/T 9704 §8): text width 225 mm, height 156 mm. */
export const LANDSCAPE_TEXT_W = TEXT_H;

/** 22 lines: floor(12756 / 22) = 579 twips (28.95 pt). 22 × 579 = 12738 ≤ 12756 < 22 × 580. */
export const LINE_PITCH = 579;
/** 3号 = 16 pt: half-points 32, one character 320 twips. */
export const SIZE_3 = 32;
export const SIZE_2 = 44;
export const SIZE_4 = 28;
export const SIZE_SMALL_4 = 24;
export const SIZE_5 = 21;
export const CHAR_3 = 320;
/**
 * 28 characters a line: 8845 / 28 = 315.9 twips a character, so each 3号 character is narrowed by
 * 5 twips (0.25 pt): 28 × 315 = 8820 fits, 29 × 315 = 9135 does not. Run spacing rather than a
 * character grid, because Word, WPS and LibreOffice all honour it the same way.
 */
export const CHAR_SPACING = -5;

/** Table text lines: at most 22 to a page (as the body) while leaving room for rules. */
export const TABLE_LINE = LINE_PITCH;
/** On a turned page the 版心 is 156 mm high: 22 lines of it are 402 twips (20.1 pt) apart. */
export const LANDSCAPE_TABLE_LINE = Math.floor(TEXT_W / 22);

/**
 * Page number: "— N —" 4号宋体, the dash 7 mm below the 版心 (28 mm above the paper edge).
 * The footer distance is measured from the paper edge to the bottom of the footer line.
 */
export const FOOTER_DISTANCE = 1247;
/** 空一字 beside the page number: one 4号 character. */
export const PAGE_NUMBER_INDENT = 280;

/** 版头 (GB/T 9704 7.2.4, 7.2.7): the 标志's top edge below the 版心's, the red rule below the 发文字号 (mm). */
export const MASTHEAD_MARK_TOP = 35;
export const MASTHEAD_RULE_GAP = 4;

export interface FontSet {
  body: string;
  kai: string;
  hei: string;
  title: string;
  song: string;
  latin: string;
}

/**
 * "gov": the fonts government machines carry. "windows": stock Windows faces (仿宋, 楷体, 黑体) and
 * 华文中宋 (installed with Office) for titles, as 方正小标宋 is a commercial font.
 */
export const FONT_PROFILES: Record<FontProfile, FontSet> = {
  gov: {
    body: '仿宋_GB2312',
    kai: '楷体_GB2312',
    hei: '黑体',
    title: '方正小标宋简体',
    song: '宋体',
    latin: 'Times New Roman',
  },
  windows: {
    body: '仿宋',
    kai: '楷体',
    hei: '黑体',
    title: '华文中宋',
    song: '宋体',
    latin: 'Times New Roman',
  },
};
