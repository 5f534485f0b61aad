/**
 * Font aliases for rendering reports with LibreOffice on machines without the 公文 fonts
 * (typical Linux servers and CI). Without them fontconfig hands every missing name (仿宋_GB2312,
 * 黑体 …) to DejaVu Sans for Latin text and to whatever CJK face for Chinese, so one line mixes two
 * fonts. The aliases map each profile font to a Noto CJK face, for Latin and Chinese alike; a font
 * that is really installed still wins (binding "weak", listed after it by fontconfig's own rules).
 * Used by `luoshi report --pdf` and by the tests; it never changes the .docx.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

const SERIF = 'Noto Serif CJK SC';
const SANS = 'Noto Sans CJK SC';

/** Profile font name → stand-in family. */
export const RENDER_ALIASES: Record<string, string> = {
  仿宋_GB2312: SERIF,
  仿宋: SERIF,
  FangSong: SERIF,
  FangSong_GB2312: SERIF,
  楷体_GB2312: SERIF,
  楷体: SERIF,
  KaiTi: SERIF,
  KaiTi_GB2312: SERIF,
  黑体: SANS,
  SimHei: SANS,
  方正小标宋简体: SERIF,
  华文中宋: SERIF,
  宋体: SERIF,
  SimSun: SERIF,
};

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** fonts.conf text that includes the system configuration and adds the aliases. */
export function fontconfigText(systemConf = '/etc/fonts/fonts.conf'): string {
  const aliases = Object.entries(RENDER_ALIASES)
    .map(
      ([from, to]) =>
        `  <alias binding="same"><family>${escapeXml(from)}</family><prefer><family>${escapeXml(to)}</family></prefer></alias>`,
    )
    .join('\n');
  return `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">${escapeXml(systemConf)}</include>\n${aliases}\n</fontconfig>\n`;
}

/**
 * Write the alias configuration into `dir` and return environment variables that make a child
 * process (soffice) use it. Returns {} when the system has no fontconfig (e.g. Windows), where the
 * fonts are normally installed anyway.
 */
export async function renderFontEnv(dir: string): Promise<Record<string, string>> {
  const system = '/etc/fonts/fonts.conf';
  try {
    await fs.access(system);
  } catch {
    return {};
  }
  const file = path.join(dir, 'luoshi-fonts.conf');
  await fs.writeFile(file, fontconfigText(system));
  return { FONTCONFIG_FILE: file };
}
