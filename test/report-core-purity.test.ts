/**
 * The pure core compiles with ECMAScript alone: its TypeScript project (src/core/tsconfig.json) loads
 * no Node typings, so a core module that used `Buffer` or `process` would not compile. This guards the
 * move of the .docx rendering out of src/core (the `docx` library's typings reference Node's).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORE = path.join(ROOT, 'src/core');
const PROBE = path.join(CORE, '__purity_probe__.ts');
const PROBE_TEXT = [
  "export const bytes = Buffer.from('x');",
  'export const home = process.env.HOME;',
  // Control lines: what every host offers must compile, or the probe proves nothing.
  "export const text = new TextDecoder('utf-8').decode(new Uint8Array([0x61]));",
  'export const n: number = Math.max(1, 2);',
].join('\n');

let program: ts.Program;

beforeAll(() => {
  const configFile = path.join(CORE, 'tsconfig.json');
  const read = ts.readConfigFile(configFile, (f) => ts.sys.readFile(f));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, CORE, undefined, configFile);
  const options = { ...parsed.options, incremental: false, noEmit: true };
  delete options.tsBuildInfoFile;
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    path.resolve(name) === PROBE
      ? ts.createSourceFile(name, PROBE_TEXT, language)
      : getSourceFile(name, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === PROBE || fileExists(name);
  program = ts.createProgram({ rootNames: [...parsed.fileNames, PROBE], options, host });
}, 60_000);

describe('src/core compiles without Node or DOM types', () => {
  it('loads no Node typings and no docx library', () => {
    const files = program.getSourceFiles().map((f) => f.fileName);
    expect(files.some((f) => f.endsWith('src/core/report/model.ts'))).toBe(true);
    expect(files.filter((f) => f.includes('/@types/node/'))).toEqual([]);
    expect(files.filter((f) => f.includes('/node_modules/docx/'))).toEqual([]);
    expect(files.filter((f) => /\/typescript\/lib\/lib\.dom\./.test(f))).toEqual([]);
  });

  it('refuses Buffer and process, and accepts what every host offers', () => {
    const probe = program.getSourceFile(PROBE);
    expect(probe).toBeDefined();
    const errors = program.getSemanticDiagnostics(probe).map((d) => ({
      line: probe!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1,
      text: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    }));
    expect(errors.map((e) => e.line)).toEqual([1, 2]);
    expect(errors[0].text).toContain("'Buffer'");
    expect(errors[1].text).toContain("'process'");
  });
});
