// `npm run mutation:sample`: an estimate of src/core's mutation score in about an hour instead of the
// 8–15 hours a full `npm run mutation` takes on a 2-core machine. Stryker's own instrumenter lists every
// mutant; a seeded uniform sample of them is run by Stryker with the project's configuration (each mutant
// selected by its exact source range), and the score of the sample is printed with its 95 % interval.
// Mutants whose range holds more than --max-range mutants (whole function bodies, long conditions) are
// left out of the draw: selecting one would make Stryker run every mutant inside it too.
//
//   npm run mutation:sample -- [--size 230] [--seed 20261129] [--max-range 6] [--draw-only | --score-only]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Instrumenter, type File } from '@stryker-mutator/instrumenter';
import type { Logger } from '@stryker-mutator/api/logging';
import type { Location, Position } from '@stryker-mutator/api/core';

const OUT = 'reports/sample';
const SAMPLE = `${OUT}/sample.json`;
const REPORT = `${OUT}/mutation.json`;

interface Listed {
  file: string;
  mutatorName: string;
  replacement: string;
  location: Location;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

function coreFiles(dir = 'src/core'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.posix.join(dir, e.name);
    if (e.isDirectory()) return coreFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

async function listMutants(): Promise<Listed[]> {
  const quiet = () => undefined;
  const logger = {
    isTraceEnabled: () => false,
    isDebugEnabled: () => false,
    isInfoEnabled: () => false,
    isWarnEnabled: () => false,
    isErrorEnabled: () => false,
    isFatalEnabled: () => false,
    trace: quiet,
    debug: quiet,
    info: quiet,
    warn: quiet,
    error: quiet,
    fatal: quiet,
  } as unknown as Logger;
  const files: File[] = coreFiles().map((name) => ({
    name,
    content: readFileSync(name, 'utf8'),
    mutate: true,
  }));
  const result = await new Instrumenter(logger).instrument(files, {
    plugins: null,
    excludedMutations: [],
    ignorers: [],
  });
  return result.mutants.map((m) => ({
    file: m.fileName,
    mutatorName: m.mutatorName,
    replacement: m.replacement,
    location: m.location,
  }));
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.column <= b.column);

/** How many mutants Stryker would run if this one's range were selected (itself included). */
function rangeLoad(m: Listed, sameFile: Listed[]): number {
  return sameFile.filter(
    (o) => before(m.location.start, o.location.start) && before(o.location.end, m.location.end),
  ).length;
}

/** mulberry32: a small seeded generator, so a sample can be drawn again exactly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function draw(all: Listed[], size: number, seed: number, maxRange: number): Listed[] {
  const byFile = new Map<string, Listed[]>();
  for (const m of all) byFile.set(m.file, [...(byFile.get(m.file) ?? []), m]);
  const pool = all.filter((m) => rangeLoad(m, byFile.get(m.file) ?? []) <= maxRange);
  const next = random(seed);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  console.log(
    `${all.length} mutants in src/core; ${pool.length} with at most ${maxRange} in their range; drawing ${size}`,
  );
  return pool.slice(0, size);
}

/** Stryker's --mutate range: 1-based lines, 0-based columns (the instrumenter's are 0-based both). */
const rangeOf = (m: Listed) =>
  `${m.file}:${m.location.start.line + 1}:${m.location.start.column}-${m.location.end.line + 1}:${m.location.end.column}`;

function writeConfig(sample: Listed[]): string {
  const config = `${OUT}/stryker.sample.mjs`;
  writeFileSync(
    config,
    `import base from '../../stryker.config.mjs';\nexport default { ...base, concurrency: 2, mutate: ${JSON.stringify([...new Set(sample.map(rangeOf))])},\n` +
      `  incrementalFile: '${OUT}/incremental.json', reporters: ['progress-append-only', 'json'], jsonReporter: { fileName: '${REPORT}' } };\n`,
  );
  return config;
}

function runStryker(config: string): void {
  const r = spawnSync('npx', ['stryker', 'run', config], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

interface ReportMutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: Location;
}

/** The score of the sampled mutants (report locations are 1-based lines and columns). */
function score(sample: Listed[]): void {
  const report = JSON.parse(readFileSync(REPORT, 'utf8')) as {
    files: Record<string, { mutants: ReportMutant[] }>;
  };
  const key = (f: string, l: Location, name: string, rep: string | undefined) =>
    [f, l.start.line, l.start.column, l.end.line, l.end.column, name, rep].join('|');
  const wanted = new Set(
    sample.map((m) =>
      key(
        m.file,
        {
          start: { line: m.location.start.line + 1, column: m.location.start.column + 1 },
          end: { line: m.location.end.line + 1, column: m.location.end.column + 1 },
        },
        m.mutatorName,
        m.replacement,
      ),
    ),
  );
  const counts = new Map<string, number>();
  for (const [file, { mutants }] of Object.entries(report.files))
    for (const m of mutants)
      if (wanted.has(key(file, m.location, m.mutatorName, m.replacement))) {
        counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
        if (m.status === 'Survived' || m.status === 'NoCoverage')
          console.log(
            `  ${m.status} ${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}`,
          );
      }
  const n = (s: string) => counts.get(s) ?? 0;
  const detected = n('Killed') + n('Timeout');
  const scored = detected + n('Survived') + n('NoCoverage');
  const p = detected / scored;
  const half = 1.96 * Math.sqrt((p * (1 - p)) / scored);
  console.log(Object.fromEntries(counts));
  console.log(
    `sampled mutation score of src/core: ${(100 * p).toFixed(1)} % ± ${(100 * half).toFixed(1)} (95 %, n = ${scored})`,
  );
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const scoreOnly = process.argv.includes('--score-only');
  if (scoreOnly && !existsSync(SAMPLE))
    throw new Error(`${SAMPLE} is missing: run without --score-only first`);
  const sample = scoreOnly
    ? (JSON.parse(readFileSync(SAMPLE, 'utf8')) as Listed[])
    : draw(await listMutants(), option('size', 230), option('seed', 20261129), option('max-range', 6));
  if (!scoreOnly) {
    writeFileSync(SAMPLE, JSON.stringify(sample));
    const config = writeConfig(sample);
    if (process.argv.includes('--draw-only')) return console.log(`drawn: ${SAMPLE}, ${config}`);
    runStryker(config);
  }
  score(sample);
}

await main();
