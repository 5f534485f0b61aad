/**
 * File names derived from user data (roster office names): valid on Windows, Linux and macOS, and never
 * two offices onto one file. Windows is the users' platform, so its rules apply everywhere: no \ / : * ? " < > |
 * or control characters, no trailing dot or space, no reserved device name (CON, PRN, AUX, NUL, COM1…,
 * LPT1…, also with an extension), and a whole path within the classic 260-character limit.
 */
import * as path from 'node:path';

/** Windows' MAX_PATH (260) less the terminating NUL and a margin for a later 修改稿 suffix. */
const MAX_PATH_CHARS = 240;
/** Longest name stem kept (office names are rarely over 30 characters; 80 keeps Linux' 255 bytes too). */
const MAX_STEM_CHARS = 80;
const FALLBACK = '未命名单位';

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;

/** One name as a file-name stem (without extension) that every platform accepts. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed here
  let stem = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').trim();
  stem = stem.replace(/[. ]+$/, '').replace(/^\./, '_');
  if (RESERVED.test(stem)) stem = `_${stem}`;
  if ([...stem].length > MAX_STEM_CHARS) stem = [...stem].slice(0, MAX_STEM_CHARS).join('').trimEnd();
  return stem || FALLBACK;
}

/** Case-insensitive key: Windows and macOS treat 长春市.XLSX and 长春市.xlsx as one file. */
function key(file: string): string {
  return file.normalize('NFC').toLowerCase();
}

function shorten(stem: string, dir: string, ext: string): string {
  const room = MAX_PATH_CHARS - path.resolve(dir).length - 1 - ext.length - 4;
  const chars = [...stem];
  return room > 0 && chars.length > room ? chars.slice(0, room).join('').trimEnd() || FALLBACK : stem;
}

/**
 * One distinct file in `dir` per name, in order: names that sanitise to the same file (长春/市, 长春_市,
 * 长春:市, 长春*市) get -2, -3, … so none overwrites another. `renamed` lists every name whose file
 * name differs from the name itself, for the user.
 */
export function deriveFileNames(
  names: readonly string[],
  dir: string,
  ext: string,
): { files: string[]; renamed: { name: string; file: string }[] } {
  const taken = new Set<string>();
  const files: string[] = [];
  const renamed: { name: string; file: string }[] = [];
  for (const name of names) {
    const stem = shorten(safeFileName(name), dir, ext);
    let candidate = `${stem}${ext}`;
    for (let n = 2; taken.has(key(candidate)); n++) candidate = `${stem}-${n}${ext}`;
    taken.add(key(candidate));
    const file = path.join(dir, candidate);
    files.push(file);
    if (candidate !== `${name}${ext}`) renamed.push({ name, file });
  }
  return { files, renamed };
}
