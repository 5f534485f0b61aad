/**
 * Reading policy documents in every format: each seed as .txt, .docx, .pdf and .html (read + build,
 * median of 5 runs; target < 1 s each) and a 300-page PDF (target < 10 s). The .docx files are
 * written with the docx library, the PDFs printed by LibreOffice (not timed); without LibreOffice
 * the PDF rows are skipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogue } from '../src/core/catalogue/index.js';
import { decodeText } from '../src/core/text/decode.js';
import { policySource } from '../src/host/input/index.js';
import { docxToPdfBatch, textToDocx, textToHtml } from '../test/helpers/formats.js';

const RUNS = 5;
const TARGET_MS = 1000;
const BIG_TARGET_MS = 10_000;

async function timeBuild(name: string, bytes: Uint8Array, runs = RUNS): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    buildCatalogue([await policySource(name, bytes)]);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function run(): Promise<void> {
  const seeds = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../seeds');
  const names = readdirSync(seeds)
    .filter((n) => n.endsWith('.txt'))
    .sort();
  const docx = new Map<string, Uint8Array>();
  const html = new Map<string, Uint8Array>();
  for (const n of names) {
    const bytes = new Uint8Array(readFileSync(path.join(seeds, n)));
    const text = decodeText(bytes, n).text;
    docx.set(n, await textToDocx(text));
    html.set(n, new TextEncoder().encode(textToHtml(text, n)));
  }
  // the long document: the seeds' texts repeated to some 300 pages
  const all = names.map((n) => decodeText(readFileSync(path.join(seeds, n)), n).text).join('\n');
  docx.set('long', await textToDocx(Array.from({ length: 10 }, () => all).join('\n')));
  const pdf = docxToPdfBatch(docx);
  let worst = 0;
  for (const n of names) {
    const base = n.replace(/\.txt$/, '');
    const row: string[] = [];
    const variants: [string, Uint8Array | undefined][] = [
      ['txt', new Uint8Array(readFileSync(path.join(seeds, n)))],
      ['docx', docx.get(n)],
      ['pdf', pdf?.get(n)],
      ['html', html.get(n)],
    ];
    for (const [ext, bytes] of variants) {
      if (!bytes) {
        row.push(`${ext} —`);
        continue;
      }
      const ms = await timeBuild(`${base}.${ext}`, bytes);
      worst = Math.max(worst, ms);
      row.push(`${ext} ${ms.toFixed(0)} ms`);
    }
    console.log(`  ${base}：${row.join('，')}`);
  }
  console.log(
    `  每份文件最慢 ${worst.toFixed(0)} ms，目标 < ${TARGET_MS} ms：${worst < TARGET_MS ? '达标' : '未达标'}`,
  );
  const long = pdf?.get('long');
  if (long) {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: long.slice(), verbosity: 0 }).promise;
    const pages = doc.numPages;
    await doc.destroy();
    const t = performance.now();
    const source = await policySource('long.pdf', long);
    const read = performance.now() - t;
    buildCatalogue([source]);
    const ms = performance.now() - t;
    console.log(
      `  ${pages} 页 PDF：${(ms / 1000).toFixed(1)} s（读取文字 ${(read / 1000).toFixed(1)} s），目标 < ${BIG_TARGET_MS / 1000} s：${ms < BIG_TARGET_MS ? '达标' : '未达标'}`,
    );
  } else console.log('  未安装 LibreOffice，跳过 PDF');
}

if (import.meta.url === `file://${process.argv[1]}`) void run();
