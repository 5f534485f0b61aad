/**
 * File names derived from roster office names (src/host/file-names.ts): distinct for names that sanitise
 * alike, valid under Windows' rules (checked by the fuzz oracle's own implementation), within 260 characters.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveFileNames } from '../../src/host/file-names.js';
import { windowsValid } from './corpus.js';

const DIR = '/tmp/填报表';

describe('derived file names', () => {
  it('never maps two offices onto one file', () => {
    const names = ['长春/市', '长春_市', '长春:市', '长春*市', 'ABC', 'abc'];
    const { files, renamed } = deriveFileNames(names, DIR, '.xlsx');
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(names.length);
    expect(files.map((f) => path.basename(f))).toEqual([
      '长春_市.xlsx',
      '长春_市-2.xlsx',
      '长春_市-3.xlsx',
      '长春_市-4.xlsx',
      'ABC.xlsx',
      'abc-2.xlsx',
    ]);
    expect(renamed.map((r) => r.name)).toEqual(['长春/市', '长春_市', '长春:市', '长春*市', 'abc']);
  });

  it('avoids reserved device names, trailing dots and spaces, backslashes and over-long paths', () => {
    const names = [
      'CON',
      'prn',
      'Aux.xlsx',
      'NUL.',
      'COM1',
      'lpt9',
      '长春市. ',
      '长春\\市',
      '',
      '长'.repeat(300),
    ];
    const { files } = deriveFileNames(names, DIR, '.xlsx');
    for (const f of files) {
      expect(windowsValid(path.basename(f)), f).toBe(true);
      expect(f.length).toBeLessThan(260);
    }
    expect(new Set(files).size).toBe(names.length);
  });
});
