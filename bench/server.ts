/**
 * Server load benchmark (embedded database, localhost): 200 offices upload a filled 300-target workbook
 * at the same moment — none may be lost, p95 under 2 s; then, with 1,000 stored submissions, the
 * consolidation of the round must answer in under 3 s. Each office signs in with its own account.
 * The server runs in a process of its own (_server-child.ts), so its CPU time per upload is measured
 * apart from the clients': that figure does not depend on how busy the machine is, the p95 does
 * (the load average is printed beside it). The burst is repeated (BENCH_BURSTS, 3 by default: each
 * office uploads again), since one burst's p95 varies by a fifth from run to run on this machine.
 * BENCH_OFFICES, BENCH_STORED and BENCH_THREADS (checking threads) change the sizes for profiling;
 * BENCH_PROF and BENCH_NODE_FLAGS are for experiments (a CPU profile, flags for the server process);
 * BENCH_QUIET (seconds of quiet before each later burst) and BENCH_PRIME (offices that upload once before
 * the bursts) tell a burst after a quiet spell and a server that has taken uploads from one just started.
 * The server's CPU is printed with its kernel share (system calls, page faults, other threads woken).
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWorkbook } from '../src/host/generate-workbook.js';
import { defaultIntakeThreads } from '../src/server/runtime.js';
import { seedsCatalogue, widen } from './fixtures.js';

const OFFICES = Number(process.env.BENCH_OFFICES ?? 200);
const TARGETS = 300;
const STORED = Number(process.env.BENCH_STORED ?? 1000);
const P95_TARGET_MS = 2000;
const CONSOLIDATE_TARGET_MS = 3000;
const PERIOD = '2025年度';
const THREADS = Number(process.env.BENCH_THREADS ?? defaultIntakeThreads());
/** Bursts of uploads in a row (each office uploads again): the p95 varies from one to the next. */
const BURSTS = Number(process.env.BENCH_BURSTS ?? 3);
/** Seconds of quiet before each burst after the first (BENCH_QUIET): a deadline burst after a quiet spell. */
const QUIET_S = Number(process.env.BENCH_QUIET ?? 0);
const PRIME = Math.min(Number(process.env.BENCH_PRIME ?? 0), OFFICES);

/** The server process and its IPC requests (see _server-child.ts). */
class ServerProcess {
  private next = 0;
  private readonly waiting = new Map<number, (m: Record<string, unknown>) => void>();
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly password: string,
  ) {
    child.on('message', (m: { id?: number }) => {
      if (m.id !== undefined) this.waiting.get(m.id)?.(m);
    });
    child.on('exit', (code, signal) => {
      if (code !== 0) console.error(`服务器进程意外退出（${code ?? signal}）`);
    });
  }

  static start(data: string, threads: number): Promise<ServerProcess> {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const child = fork(path.join(here, '_server-child.ts'), [data, String(threads)], {
      // BENCH_PROF=DIR: a CPU profile of the server process (and its threads) into DIR.
      execArgv: [
        '--import',
        'tsx',
        ...(process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []),
        // BENCH_NODE_FLAGS="--flag …": Node or V8 flags for the server process (experiments).
        ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
      ],
    });
    return new Promise((resolve, reject) => {
      child.once('message', (m: { url: string; password: string }) =>
        resolve(new ServerProcess(child, m.url, m.password)),
      );
      child.once('exit', (code) => reject(new Error(`server process exited (${code})`)));
    });
  }

  private ask(msg: Record<string, unknown>): Promise<Record<string, unknown>> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ ...msg, id });
    });
  }

  /** CPU of the whole server process, of its main thread alone (null where not measurable) and of each thread. */
  async cpu(): Promise<{
    all: number;
    system: number;
    faults: number;
    main: number | null;
    threads: Record<string, number>;
  }> {
    const m = await this.ask({ op: 'cpu' });
    return {
      all: m.cpuMs as number,
      system: m.systemCpuMs as number,
      faults: m.minorFaults as number,
      main: m.mainCpuMs as number | null,
      threads: m.threadCpuMs as Record<string, number>,
    };
  }

  async cpuMs(): Promise<number> {
    return (await this.cpu()).all;
  }

  async query<T>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.ask({ op: 'sql', text, params })).rows as T[];
  }

  async stop(): Promise<void> {
    await this.ask({ op: 'stop' });
  }
}

class Client {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}
  async call(method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = { cookie: this.cookie, 'x-csrf-token': this.csrf };
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const r = await fetch(`${this.base}${url}`, { method, headers, body: payload });
    const c = r.headers.get('set-cookie');
    if (c) this.cookie = c.split(';')[0];
    const json = (await r.json()) as { csrfToken?: string };
    if (json.csrfToken) this.csrf = json.csrfToken;
    return { status: r.status, json };
  }
  /**
   * POST a pre-encoded body through node:http on a connection of its own: fetch spends several times
   * the CPU per request, which the server would otherwise share with the load generator. (A kept-alive
   * connection reused after the server's idle timeout is reset as it is used: a lost upload that is the
   * client's doing, not the server's.)
   */
  post(url: string, body: EncodedBody): Promise<{ status: number; json: unknown }> {
    const headers = {
      cookie: this.cookie,
      'x-csrf-token': this.csrf,
      'content-type': body.type,
      'content-length': body.bytes.length,
    };
    return new Promise((resolve, reject) => {
      const req = http.request(`${this.base}${url}`, { method: 'POST', headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({
              status: res.statusCode ?? 0,
              json: JSON.parse(Buffer.concat(chunks).toString('utf8')),
            });
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body.bytes);
    });
  }
  async signIn(username: string, password: string): Promise<void> {
    await this.call('POST', '/api/session', { username, password });
    const r = await this.call('POST', '/api/session/password', {
      oldPassword: password,
      newPassword: `${password}-bench`,
    });
    if (r.status !== 200) throw new Error(`sign-in ${username}: ${r.status}`);
  }
}

/**
 * A request body encoded once, before the timed uploads: a load generator should spend as little as it
 * can of the CPU it shares with the server (the 200 offices are other machines), and encoding a
 * multipart form is the client's largest cost per upload.
 */
class EncodedBody {
  private constructor(
    readonly bytes: Buffer,
    readonly type: string,
  ) {}
  static async of(form: FormData): Promise<EncodedBody> {
    // The platform's own multipart encoding (the same fetch would send for the form itself).
    const r = new Response(form);
    return new EncodedBody(Buffer.from(await r.arrayBuffer()), r.headers.get('content-type') ?? '');
  }
}

function fileForm(name: string, bytes: Uint8Array, fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  f.append(name === 'catalogue.json' ? 'files' : 'file', new Blob([new Uint8Array(bytes)]), name);
  return f;
}

/** Why a request failed, with undici's cause (a timeout, a reset connection…). */
function failureOf(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return [(e as Error).message, cause?.code, cause?.message].filter(Boolean).join(' / ');
}

/**
 * Each thread's CPU per upload between two readings, largest first, the main thread (its id is the
 * process id, the smallest) left out.
 */
function perThread(before: Record<string, number>, after: Record<string, number>, n: number): string {
  const main = Math.min(...Object.keys(after).map(Number));
  return Object.entries(after)
    .filter(([tid]) => Number(tid) !== main)
    .map(([tid, ms]) => (ms - (before[tid] ?? 0)) / n)
    .filter((ms) => ms >= 0.05)
    .sort((a, b) => b - a)
    .map((ms) => ms.toFixed(1))
    .join('、');
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** Run `fn` over items with at most `n` at a time (setup only; the timed uploads all start at once). */
async function pool<T>(items: T[], n: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

interface Burst {
  ok: number;
  stored: number;
  lost: number;
  ms: number[];
  p95: number;
  wall: number;
  failures: Map<string, number>;
  cpuPerUpload: number;
  /** Of it, in the kernel (system calls, page faults). */
  systemPerUpload: number;
  /** Minor page faults (memory touched for the first time since it was mapped). */
  faultsPerUpload: number;
  mainPerUpload: number | null;
  clientPerUpload: number;
  threads: string;
  load: number;
}

/** One burst: every office uploads its workbook at the same moment. */
async function uploadBurst(
  server: ServerProcess,
  roundId: number,
  offices: { client: Client }[],
  bodies: EncodedBody[],
): Promise<Burst> {
  const [{ n: before }] = await server.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM submissions WHERE round_id = $1',
    [roundId],
  );
  const cpu0 = await server.cpu();
  const load = os.loadavg()[0];
  const start = performance.now();
  const clientCpu0 = process.cpuUsage();
  const results = await Promise.all(
    offices.map(async (o, i) => {
      const t = performance.now();
      try {
        const r = await o.client.post(`/api/rounds/${roundId}/submissions`, bodies[i]);
        // Any answer but 201 is a failure too, with the server's own code and message.
        const why = r.json as { code?: string; message?: string };
        const error = r.status === 201 ? '' : `HTTP ${r.status} ${why.code ?? ''} ${why.message ?? ''}`;
        return { status: r.status, ms: performance.now() - t, error };
      } catch (e) {
        // A connection the server never answered is a lost upload, counted as such, not the end of the run.
        return { status: 0, ms: performance.now() - t, error: failureOf(e) };
      }
    }),
  );
  const wall = performance.now() - start;
  const clientCpu = process.cpuUsage(clientCpu0);
  const cpu1 = await server.cpu();
  const failures = new Map<string, number>();
  for (const r of results) if (r.error) failures.set(r.error, (failures.get(r.error) ?? 0) + 1);
  const [{ n: after }] = await server.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM submissions WHERE round_id = $1',
    [roundId],
  );
  const n = offices.length;
  const ms = results.map((r) => r.ms);
  return {
    ok: results.filter((r) => r.status === 201).length,
    stored: after - before,
    lost: n - (after - before),
    ms,
    p95: percentile(ms, 95),
    wall,
    failures,
    cpuPerUpload: (cpu1.all - cpu0.all) / n,
    systemPerUpload: (cpu1.system - cpu0.system) / n,
    faultsPerUpload: (cpu1.faults - cpu0.faults) / n,
    mainPerUpload: cpu1.main !== null && cpu0.main !== null ? (cpu1.main - cpu0.main) / n : null,
    clientPerUpload: (clientCpu.user + clientCpu.system) / 1000 / n,
    threads: perThread(cpu0.threads, cpu1.threads, n),
    load,
  };
}

function printBurst(b: Burst, index: number, storedSoFar: number): void {
  for (const [why, n] of b.failures) console.log(`未得到回答 ${n} 份：${why}`);
  console.log(
    `第 ${index + 1} 轮并发报送 ${b.ms.length} 份：成功 ${b.ok}，入库 ${b.stored}（丢失 ${b.lost}；库中共 ${storedSoFar}），` +
      `p50 ${percentile(b.ms, 50).toFixed(0)} ms，p95 ${b.p95.toFixed(0)} ms，最长 ${Math.max(...b.ms).toFixed(0)} ms，` +
      `总用时 ${(b.wall / 1000).toFixed(1)} s（目标 p95 < ${P95_TARGET_MS} ms：${(b.p95 / P95_TARGET_MS).toFixed(2)}×）`,
  );
  const split =
    b.mainPerUpload === null
      ? ''
      : `，其中主线程（HTTP、会话、数据库）${b.mainPerUpload.toFixed(1)} ms，` +
        `其他线程（检查、垃圾回收等）${(b.cpuPerUpload - b.mainPerUpload).toFixed(1)} ms`;
  console.log(
    `  服务器每份报送耗 CPU ${b.cpuPerUpload.toFixed(1)} ms（内核 ${b.systemPerUpload.toFixed(1)} ms，缺页 ${b.faultsPerUpload.toFixed(0)} 次）${split}（${THREADS} 个检查线程）；` +
      `客户端（本进程）每份 ${b.clientPerUpload.toFixed(1)} ms；开始时本机 1 分钟负载 ${b.load.toFixed(2)}，${os.cpus().length} 核`,
  );
  if (b.threads) console.log(`  各线程每份报送 CPU（ms，主线程除外，由多到少；检查线程在前）：${b.threads}`);
}

export async function run(): Promise<void> {
  const data = mkdtempSync(path.join(os.tmpdir(), 'luoshi-bench-server-'));
  const server = await ServerProcess.start(data, THREADS);
  try {
    const admin = new Client(server.url);
    await admin.signIn('admin', server.password);
    const catalogue = widen(seedsCatalogue(), TARGETS);
    const json = new TextEncoder().encode(JSON.stringify(catalogue));
    const cat = (await admin.call('POST', '/api/catalogues', fileForm('catalogue.json', json))).json as {
      id: number;
    };
    const names = Array.from({ length: OFFICES }, (_, i) => `测试单位${String(i + 1).padStart(3, '0')}`);
    const round = (
      await admin.call('POST', '/api/rounds', {
        name: '压力测试',
        catalogueId: cat.id,
        period: PERIOD,
        rosterCsv: `单位\n${names.join('\n')}\n`,
      })
    ).json as { round: { id: number } };
    const roundId = round.round.id;
    const accounts = (await admin.call('POST', `/api/rounds/${roundId}/accounts`, {})).json as {
      office: string;
      username: string;
      password: string;
    }[];

    const t0 = performance.now();
    const offices = new Array<{ client: Client; bytes: Uint8Array; name: string }>(OFFICES);
    await pool(accounts, 4, async (a, i) => {
      const client = new Client(server.url);
      await client.signIn(a.username, a.password);
      const bytes = await generateWorkbook(
        catalogue,
        { office: a.office },
        { period: PERIOD, sample: String(i) },
      );
      offices[i] = { client, bytes, name: a.office };
    });
    console.log(
      `准备：${OFFICES} 个单位登录并生成 ${TARGETS} 项指标的填报表 ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const bodies = await Promise.all(
      offices.map((o) => EncodedBody.of(fileForm(`${o.name}.xlsx`, o.bytes, { confirm: 'true' }))),
    );
    const bursts: Burst[] = [];
    // BENCH_PRIME=N: N offices upload once each, one after another, before the timed bursts: a server that
    // has already taken uploads, against one just started.
    for (let i = 0; i < PRIME; i++)
      await offices[i].client.post(`/api/rounds/${roundId}/submissions`, bodies[i]);
    for (let b = 0; b < BURSTS; b++) {
      if (b > 0 && QUIET_S > 0) await new Promise((r) => setTimeout(r, QUIET_S * 1000));
      const burst = await uploadBurst(server, roundId, offices, bodies);
      bursts.push(burst);
      printBurst(burst, b, (b + 1) * OFFICES);
    }
    if (BURSTS > 1) {
      const median = (f: (b: Burst) => number) => percentile(bursts.map(f), 50);
      console.log(
        `${BURSTS} 轮的中位数：p95 ${median((b) => b.p95).toFixed(0)} ms` +
          `（目标 p95 < ${P95_TARGET_MS} ms：${(median((b) => b.p95) / P95_TARGET_MS).toFixed(2)}×），` +
          `服务器每份 CPU ${median((b) => b.cpuPerUpload).toFixed(1)} ms，客户端每份 CPU ${median((b) => b.clientPerUpload).toFixed(1)} ms`,
      );
    }
    // More versions of the same offices (copies of the stored rows) until 1,000 submissions are stored.
    for (;;) {
      const [{ n }] = await server.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions');
      if (n >= STORED) break;
      await server.query(
        `INSERT INTO submissions (round_id, office, user_id, file_name, bytes, sha256, size, parsed, parsed_deflated,
           problems, errors, warnings, state, remote_addr, user_agent)
         SELECT round_id, office, user_id, file_name, bytes, sha256, size, parsed, parsed_deflated, problems, errors,
           warnings, state, remote_addr, user_agent FROM submissions WHERE round_id = $1 ORDER BY id LIMIT $2`,
        [roundId, Math.min(OFFICES, STORED - n)],
      );
    }
    const cpuC = await server.cpuMs();
    const times: number[] = [];
    let offices2 = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const r = await admin.call('GET', `/api/rounds/${roundId}/consolidation`);
      times.push(performance.now() - t);
      offices2 = (r.json as { offices: unknown[] }).offices.length;
    }
    const med = percentile(times, 50);
    const cpuConsolidate = ((await server.cpuMs()) - cpuC) / times.length;
    console.log(
      `汇总（已存 ${STORED} 份报送，计入 ${offices2} 个单位 × ${TARGETS} 项指标）：中位 ${med.toFixed(0)} ms，` +
        `服务器 CPU ${cpuConsolidate.toFixed(0)} ms` +
        `（目标 < ${CONSOLIDATE_TARGET_MS} ms：${(med / CONSOLIDATE_TARGET_MS).toFixed(2)}×）`,
    );
  } finally {
    await server.stop();
    rmSync(data, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
