/**
 * Excel add-in figures (no Excel here: measured against the recording fake in test/fakes):
 * context.sync() calls per 拉取指标, the largest request (Excel on the web caps requests at 5 MB),
 * time to queue and apply the write, and the size of the built scripts in dist/ when present.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExcelHost } from '../src/addin/office/excel-host.js';
import { planWorkbook } from '../src/core/workbook/plan.js';
import { FakeExcel, fakeOffice } from '../test/fakes/excel-fake.js';
import { syntheticCatalogue } from '../test/fakes/synthetic-catalogue.js';

const SYNC_TARGET = 4;
const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export async function run(): Promise<void> {
  for (const n of [100, 1000, 5000]) {
    const plan = planWorkbook(syntheticCatalogue(n), {
      office: '省发展改革委',
      period: '2026年上半年',
      generatedAt: '2026-07-01T00:00:00Z',
    });
    const fake = new FakeExcel(undefined, { apiMinor: 9 });
    const host = new ExcelHost(fake, fakeOffice(9));
    const t = performance.now();
    const r = await host.pull(() => plan);
    const ms = performance.now() - t;
    const maxReq = Math.max(...fake.model.requestBytes);
    console.log(
      `拉取 ${n} 项指标：sync ${r.syncs} 次（目标 ≤ ${SYNC_TARGET}，比值 ${(r.syncs / SYNC_TARGET).toFixed(2)}），` +
        `最大请求 ${(maxReq / 1024).toFixed(0)} KB（上限 5 MB，比值 ${(maxReq / PAYLOAD_LIMIT).toFixed(2)}），模拟写入 ${ms.toFixed(0)} ms`,
    );
  }
  const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
  if (existsSync(dist)) {
    const scripts = readdirSync(dist).filter((f) => f.endsWith('.js'));
    for (const f of scripts)
      console.log(`dist/${f}：${(statSync(path.join(dist, f)).size / 1024).toFixed(0)} KB`);
  } else {
    console.log('dist/ 不存在（先运行 npm run build），跳过脚本体积统计');
  }
}
