/**
 * Text files as offices save them (src/core/text): UTF-8 with or without BOM, UTF-16 with BOM (which is
 * full of zero bytes and must not be taken for binary), GBK from Chinese Windows, old Mac line ends, and
 * binary files refused by their share of control bytes in the first 8 KiB; full-width characters made
 * half-width. Bytes are written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/core/text/decode.js';
import { halfWidth } from '../src/core/text/width.js';
import { LuoshiError } from '../src/core/errors.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
// 单位 in UTF-8: E5 8D 95  E4 BD 8D; in GBK: B5 A5  CE BB; in UTF-16LE: 55 53  4D 4F
const DANWEI_UTF8 = [0xe5, 0x8d, 0x95, 0xe4, 0xbd, 0x8d];

function refusal(b: Uint8Array): string {
  try {
    decodeText(b, '政策.txt');
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
}
const BINARY = '政策.txt 不是文本文件（看起来是二进制文件），请提供 .txt 格式的政策文件';

describe('a text file', () => {
  it('in UTF-8 with a BOM is read without the BOM', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...DANWEI_UTF8), 'a.txt')).toEqual({
      text: '单位',
      encoding: 'utf-8',
    });
    expect(decodeText(bytes(0xef, 0xbb, 0xbf), 'a.txt')).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('in UTF-8 without a BOM is read as UTF-8', () => {
    expect(decodeText(bytes(...DANWEI_UTF8), 'a.txt')).toEqual({ text: '单位', encoding: 'utf-8' });
    expect(decodeText(bytes(), 'a.txt')).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('in UTF-16 with a BOM, little- or big-endian, is read despite its zero bytes', () => {
    // "A单" : 41 00 | 55 53 (LE) and 00 41 | 53 55 (BE)
    expect(decodeText(bytes(0xff, 0xfe, 0x41, 0x00, 0x55, 0x53), 'a.txt')).toEqual({
      text: 'A单',
      encoding: 'utf-16le',
    });
    expect(decodeText(bytes(0xfe, 0xff, 0x00, 0x41, 0x53, 0x55), 'a.txt')).toEqual({
      text: 'A单',
      encoding: 'utf-16be',
    });
  });

  it('in GBK (Chinese Windows) is read as GB18030, also when it starts like a BOM but is not one', () => {
    expect(decodeText(bytes(0xb5, 0xa5, 0xce, 0xbb), 'a.txt')).toEqual({ text: '单位', encoding: 'gb18030' });
    // EF BB is not the whole UTF-8 BOM and not valid UTF-8: GBK "锘" is EF BB.
    expect(decodeText(bytes(0xef, 0xbb), 'a.txt')).toEqual({ text: '锘', encoding: 'gb18030' });
    // FF alone is not a UTF-16 BOM.
    expect(decodeText(bytes(0xff), 'a.txt').encoding).toBe('gb18030');
    // FE then a GBK pair: not FE FF.
    expect(decodeText(bytes(0xfe, 0xfe), 'a.txt').encoding).toBe('gb18030');
  });

  it('with old Mac line ends (a lone CR) reads them as line breaks, CRLF left as it is', () => {
    expect(decodeText(ascii('a\rb\r\nc\r'), 'a.txt').text).toBe('a\nb\r\nc\n');
  });
});

describe('a binary file', () => {
  it('is refused when it holds a zero byte (outside a UTF-16 BOM file)', () => {
    expect(refusal(ascii('单位\u0000'))).toBe(BINARY);
  });

  it('is refused when more than 2 % of its bytes are control characters, not at 2 %', () => {
    const text = (controls: number) => ascii('\u0001'.repeat(controls) + 'x'.repeat(100 - controls));
    expect(refusal(text(2))).toBe('accepted');
    expect(refusal(text(3))).toBe(BINARY);
    // A short file: one control byte in ten is 10 %.
    expect(refusal(ascii('\u0002abcdefghi'))).toBe(BINARY);
  });

  it('is not claimed for tabs, line ends, form feeds and escapes, however many', () => {
    expect(refusal(ascii('\t\n\r\f\u001b'.repeat(20)))).toBe('accepted');
    for (const c of ['\t', '\n', '\r', '\f', '\u001b'])
      expect(refusal(ascii(c.repeat(50))), JSON.stringify(c)).toBe('accepted');
  });

  it('is judged on its first 8 KiB: a zero byte after them does not make a text file binary', () => {
    const after = new Uint8Array(8193).fill(0x61);
    after[8192] = 0;
    expect(refusal(after)).toBe('accepted');
    const within = new Uint8Array(8192).fill(0x61);
    within[8191] = 0;
    expect(refusal(within)).toBe(BINARY);
  });

  it('is refused with an error a host shows as a user error, naming the file', () => {
    let e: unknown;
    try {
      decodeText(bytes(0, 1, 2), '图片.png');
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(LuoshiError);
    expect(e).toMatchObject({ code: 'binary-file', where: { file: '图片.png' }, name: 'LuoshiError' });
    expect(String(e)).toBe(
      'LuoshiError: 图片.png 不是文本文件（看起来是二进制文件），请提供 .txt 格式的政策文件',
    );
  });
});

describe('half-width text', () => {
  it('turns full-width ASCII (the first, ！, and the last, ～, included) into its half-width form', () => {
    expect(halfWidth('！２０２５％～')).toBe('!2025%~');
    expect(halfWidth('（ＡＢＣ）')).toBe('(ABC)');
  });

  it('turns the ideographic and the no-break space into a space, one character for one', () => {
    expect(halfWidth('单\u3000位\u00a0名')).toBe('单 位 名');
    expect(halfWidth('单位：１２')).toHaveLength('单位：１２'.length);
  });
});
