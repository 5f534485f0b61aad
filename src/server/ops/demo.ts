/**
 * `npm run serve:demo`: a server seeded with the demo's data — the catalogue of the bundled seeds, a
 * 2025年度 round with the sample roster, an account per office (账号表.xlsx in the data folder) and the
 * demo's sample workbooks submitted for every office but the last (the 未报送 example). Everything goes
 * through the server's own HTTP API, as a coordinating office would do it; then it prints how to sign in.
 */
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { generateWorkbook } from '../../host/generate-workbook.js';
import { readRosterFile } from '../../host/roster-file.js';
import { LuoshiError } from '../../core/errors.js';
import { expandInputs, readInput, writeOutputAtomic } from '../../host/files.js';
import { writeAccountsWorkbook } from '../../xlsx/accounts-workbook.js';
import { oneTimePassword } from '../passwords.js';
import { ROOT, startServer } from '../runtime.js';
import { initAdmin } from './admin.js';

const PERIOD = '2025年度';
const ROSTER = path.join(ROOT, 'templates', 'roster-吉林省.csv');

/** Just enough of a browser: the session cookie and the CSRF token. */
class Client {
  private cookie = '';
  private csrf = '';
  constructor(private readonly base: string) {}

  async call<T>(method: string, url: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { cookie: this.cookie, 'x-csrf-token': this.csrf };
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const r = await fetch(`${this.base}${url}`, { method, headers, body: payload });
    const cookie = r.headers.get('set-cookie');
    if (cookie) this.cookie = cookie.split(';')[0];
    const json = (await r.json()) as T & { csrfToken?: string; error?: string };
    if (!r.ok)
      throw new LuoshiError('demo-failed', `演示数据准备失败：${method} ${url}：${json.error ?? r.status}`);
    if (json.csrfToken) this.csrf = json.csrfToken;
    return json;
  }
}

function form(
  files: { field: string; name: string; bytes: Uint8Array }[],
  fields: Record<string, string> = {},
): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const file of files) f.append(file.field, new Blob([new Uint8Array(file.bytes)]), file.name);
  return f;
}

export async function runServeDemo(
  o: { data?: string; port: string },
  portOf: (v: string) => number,
): Promise<number> {
  const data = path.resolve(o.data ?? path.join('out', 'serve-demo'));
  if (o.data && existsSync(data) && (await fs.readdir(data)).length > 0) {
    throw new LuoshiError('demo-dir-not-empty', `${data} 不是空文件夹；演示需要新的数据目录`);
  }
  if (!o.data) await fs.rm(data, { recursive: true, force: true });
  const started = await startServer({ data, port: portOf(o.port), logLevel: 'warn' });
  const say = (s: string) => process.stdout.write(`${s}\n`);

  const { password: oneTime } = await initAdmin(started.db, 'admin');
  const admin = new Client(started.url);
  await admin.call('POST', '/api/session', { username: 'admin', password: oneTime });
  const adminPassword = oneTimePassword();
  await admin.call('POST', '/api/session/password', { oldPassword: oneTime, newPassword: adminPassword });

  const seeds = await expandInputs([path.join(ROOT, 'seeds')], ['.txt']);
  const files = await Promise.all(
    seeds.map(async (f) => ({ field: 'files', name: path.basename(f), bytes: await readInput(f) })),
  );
  const catalogue = await admin.call<{ id: number; targets: number }>('POST', '/api/catalogues', form(files));
  const rosterCsv = await fs.readFile(ROSTER, 'utf8');
  const round = await admin.call<{ round: { id: number; name: string } }>('POST', '/api/rounds', {
    name: `${PERIOD}落实情况（演示）`,
    catalogueId: catalogue.id,
    period: PERIOD,
    deadline: '2026-01-15',
    rosterCsv,
  });
  const accounts = await admin.call<{ office: string; username: string; password: string }[]>(
    'POST',
    `/api/rounds/${round.round.id}/accounts`,
    {},
  );
  const roster = await readRosterFile(ROSTER);
  const sheet = path.join(data, '账号表.xlsx');
  await writeOutputAtomic(
    sheet,
    await writeAccountsWorkbook(
      accounts.map((a) => ({ ...a, contact: null, phone: null })),
      { round: round.round.name, signInUrl: started.url, issuedAt: new Date().toISOString() },
    ),
  );

  const cat = await admin.call<Parameters<typeof generateWorkbook>[0]>(
    'GET',
    `/api/catalogues/${catalogue.id}`,
  );
  for (const office of roster.offices.slice(0, -1)) {
    const bytes = await generateWorkbook(cat, office, { period: PERIOD, sample: '1' });
    await admin.call(
      'POST',
      `/api/rounds/${round.round.id}/submissions`,
      form([{ field: 'file', name: `${office.office}.xlsx`, bytes }], { confirm: 'true' }),
    );
  }

  const first = accounts[0];
  say(`演示服务器已启动：${started.url}`);
  say(`数据目录：${data}`);
  say(
    `指标目录 ${catalogue.targets} 个指标；填报轮次“${round.round.name}”；${roster.offices.length - 1} 个单位已报送示例数据，${roster.offices.at(-1)?.office} 作为未报送示例`,
  );
  say(`管理员登录：用户名 admin，密码 ${adminPassword}`);
  say(`填报单位登录（示例）：用户名 ${first.username}，一次性密码 ${first.password}（首次登录须修改）`);
  say(`全部单位账号：${sheet}`);
  say('按 Ctrl+C 停止。');
  await new Promise<void>((resolve) => {
    const stop = () => void started.stop().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
