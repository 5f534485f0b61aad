/**
 * Temp files of an interrupted run: removed when the run gets SIGINT or SIGTERM (a real process is the
 * point here), and a killed run's leftovers removed by the next write into that folder.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOutputAtomic } from '../../src/host/files.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dirs: string[] = [];

function tmp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'luoshi-temp-'));
  dirs.push(d);
  return d;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A child that registers `dir`, leaves a temp file of its own there (as mid-write) and waits. */
const CHILD = `
import { writeFileSync } from 'node:fs';
import { watchTempDir } from ${JSON.stringify(path.join(ROOT, 'src/host/files.ts'))};
const dir = process.argv[2];
watchTempDir(dir);
writeFileSync(dir + '/.luoshi-' + process.pid + '-0123456789ab.tmp', 'x'.repeat(1 << 20));
process.stdout.write('ready\\n');
setInterval(() => {}, 1000);
`;

function interrupt(signal: NodeJS.Signals): Promise<{ code: number | null; left: string[] }> {
  const dir = tmp();
  const script = path.join(dir, '..', `${path.basename(dir)}-child.mts`);
  writeFileSync(script, CHILD);
  dirs.push(script);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (b: Buffer) => {
      if (b.toString().includes('ready')) {
        expect(readdirSync(dir)).toHaveLength(1);
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, left: readdirSync(dir) }));
  });
}

describe('temporary files', () => {
  it('are removed when the run is interrupted (SIGINT) or terminated (SIGTERM)', async () => {
    expect(await interrupt('SIGINT')).toEqual({ code: 130, left: [] });
    expect(await interrupt('SIGTERM')).toEqual({ code: 143, left: [] });
  });

  it("a killed run's leftovers are removed by the next write into the folder; live ones stay", async () => {
    const dir = tmp();
    const dead = '.luoshi-4194001-aaaaaaaaaaaa.tmp';
    const live = `.luoshi-${process.ppid}-bbbbbbbbbbbb.tmp`;
    writeFileSync(path.join(dir, dead), 'old');
    writeFileSync(path.join(dir, live), 'in use');
    await writeOutputAtomic(path.join(dir, '汇总.xlsx'), 'new');
    expect(readdirSync(dir).sort()).toEqual([live, '汇总.xlsx'].sort());
    expect(existsSync(path.join(dir, dead))).toBe(false);
  });
});
