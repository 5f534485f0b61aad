/**
 * Decode text files as Chinese government offices produce them: UTF-8 (with or without BOM),
 * UTF-16 with BOM, or GBK/GB18030 (the default "ANSI" code page on Chinese Windows).
 */
import iconv from 'iconv-lite';
import { LuoshiError } from '../errors.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Share of control bytes (other than tab, CR, LF, FF, ESC) above which a file is treated as binary. */
const BINARY_CONTROL_SHARE = 0.02;

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return n > 0 && control / n > BINARY_CONTROL_SHARE;
}

/**
 * Decode `bytes`; `name` is only used in messages. Throws LuoshiError for binary content.
 * Strict UTF-8 is tried first: valid GBK text of any length is practically never valid UTF-8.
 */
export function decodeText(bytes: Uint8Array, name: string): DecodedText {
  const decoded = decodeBytes(bytes, name);
  // Old Mac editors end lines with CR alone; read those as lines. A lone CR becomes LF (same length, so
  // text offsets and ids do not move); CRLF stays as it is.
  return { ...decoded, text: decoded.text.replace(/\r(?!\n)/g, '\n') };
}

function decodeBytes(bytes: Uint8Array, name: string): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  if (looksBinary(bytes)) {
    throw new LuoshiError(
      'binary-file',
      `${name} 不是文本文件（看起来是二进制文件），请提供 .txt 格式的政策文件`,
      { file: name },
    );
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}
