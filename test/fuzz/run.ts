/**
 * `npm run fuzz`: the full corpus (test/fuzz/corpus.ts, then the HTTP cases of test/fuzz/http.ts). Cases run in-process in one child process; the
 * parent watches it, and a case that gives no result within the limit is a hang: the child is stopped
 * and a fresh one goes on with the next case. Prints one line per failure and, last,
 * `fuzz: N inputs, C crashes, H hangs, W wrong, M inputs modified`; exits 1 when any case failed.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from './corpus.js';
import { buildHttpWorld } from './http-world.js';
import { httpCases, openApiOf, runHttpCase } from './http.js';
import { runCase, summaryLine, type Outcome } from './oracle.js';

const HANG_MS = 90_000;

/** The CLI corpus first, then the HTTP cases against one server (built afresh by each child). */
async function child(from: number): Promise<void> {
  const { all } = await buildCorpus('full');
  const world = await buildHttpWorld();
  const http = httpCases(await openApiOf(world), 'full');
  process.stdout.write(`${JSON.stringify({ total: all.length + http.length })}\n`);
  for (let i = from; i < all.length + http.length; i++) {
    const outcome =
      i < all.length
        ? await runCase(all[i], { timeoutMs: HANG_MS - 10_000 })
        : await runHttpCase(world, http[i - all.length]);
    process.stdout.write(`${JSON.stringify({ index: i, outcome })}\n`);
  }
  await world.close();
  process.exit(0);
}

/** Run the corpus from `from` in a child; resolves with the index to go on from (or -1 when done). */
function runChild(from: number, outcomes: Outcome[], total: { n: number }): Promise<number> {
  return new Promise((resolve) => {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(from)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let next = from;
    let timer: NodeJS.Timeout | undefined;
    let hung = false;
    // Building the fixtures takes a while; the limit starts with the first case.
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        hung = true;
        proc.kill('SIGKILL');
      }, HANG_MS);
    };
    createInterface({ input: proc.stdout }).on('line', (line) => {
      let msg: { total?: number; index?: number; outcome?: Outcome };
      try {
        msg = JSON.parse(line) as typeof msg;
      } catch {
        return;
      }
      if (msg.total !== undefined) total.n = msg.total;
      if (msg.outcome && msg.index !== undefined) {
        outcomes.push(msg.outcome);
        if (msg.outcome.verdict !== 'ok')
          console.log(`${msg.outcome.verdict}: ${msg.outcome.id}: ${msg.outcome.why}`);
        next = msg.index + 1;
      }
      arm();
    });
    proc.on('exit', () => {
      clearTimeout(timer);
      if (next >= total.n && total.n > 0) return resolve(-1);
      outcomes.push({
        id: `#${next}`,
        verdict: hung ? 'hang' : 'crash',
        why: hung ? `no result in ${HANG_MS} ms` : 'process died',
        ms: HANG_MS,
      });
      console.log(`${hung ? 'hang' : 'crash'}: case #${next}`);
      resolve(next + 1);
    });
  });
}

async function parent(): Promise<void> {
  const outcomes: Outcome[] = [];
  const total = { n: 0 };
  let from = 0;
  while (from >= 0 && (total.n === 0 || from < total.n)) from = await runChild(from, outcomes, total);
  console.log(summaryLine(outcomes));
  process.exitCode = outcomes.some((o) => o.verdict !== 'ok') ? 1 : 0;
}

const at = process.argv.indexOf('--child');
if (at >= 0) await child(Number(process.argv[at + 1] ?? 0));
else await parent();
