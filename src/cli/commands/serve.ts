/**
 * `luoshi serve`: the coordinating office's server (src/server), plus `serve init`, `serve backup`,
 * `serve restore` and `serve demo`. Automation contract (scripts rely on it): `serve init --data DIR
 * --admin NAME` prints the one-time password on its last line as `密码：…`.
 */
import { isIP } from 'node:net';
import * as path from 'node:path';
import type { Command } from 'commander';
import { LuoshiError } from '../../core/errors.js';
import { readInput, writeOutputAtomic } from '../../host/files.js';
import { subcommand } from '../program.js';
import { action, EXIT_OK } from '../run.js';
import { cliIo } from '../io.js';

interface DbOptions {
  data?: string;
  database?: string;
}

interface ServeOptions extends DbOptions {
  port: string;
  host?: string;
  cert?: string;
  key?: string;
  publicUrl?: string;
  web?: string;
  addin?: string;
  logLevel?: string;
  trustProxy?: string;
}

function say(line: string): void {
  cliIo().stdout(`${line}\n`);
}

function portOf(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new LuoshiError('bad-port', `--port 应为 0 到 65535 的整数，现为 ${v}`);
  return n;
}

/**
 * --trust-proxy 10.0.0.5,127.0.0.1 or a range (10.0.0.0/8): the reverse proxies' addresses, each
 * checked here so a typo is a clear message rather than a proxy silently not trusted.
 */
export function proxyAddresses(v: string): string[] {
  const list = v
    .split(/[,，\s]+/)
    .map((a) => a.trim())
    .filter(Boolean);
  const bad = list.find((a) => {
    const [ip, bits, ...rest] = a.split('/');
    const family = isIP(ip);
    if (!family || rest.length) return true;
    if (bits === undefined) return false;
    const n = Number(bits);
    return !/^\d+$/.test(bits) || n > (family === 4 ? 32 : 128);
  });
  if (!list.length || bad !== undefined) {
    throw new LuoshiError(
      'bad-trust-proxy',
      `--trust-proxy 应为反向代理的 IP 地址或网段（如 127.0.0.1 或 10.0.0.0/8，多个用逗号分隔），“${bad ?? v}”不是`,
    );
  }
  return list;
}

/** Options of `serve` itself or of a subcommand (commander may hand --data to either). */
function merged<T>(cmd: Command): T {
  return cmd.optsWithGlobals<T & Record<string, unknown>>();
}

async function runServe(o: ServeOptions): Promise<number> {
  const { startServer } = await import('../../server/runtime.js');
  const started = await startServer({
    data: o.data,
    database: o.database,
    port: portOf(o.port),
    host: o.host,
    cert: o.cert,
    key: o.key,
    publicUrl: o.publicUrl,
    webDir: o.web,
    addinDir: o.addin,
    logLevel: o.logLevel,
    trustProxy: o.trustProxy === undefined ? undefined : proxyAddresses(o.trustProxy),
  });
  cliIo().stderr(
    `luoshi 服务已启动：${started.url}（数据库：${started.db.kind === 'pglite' ? `内置，${o.data}` : 'PostgreSQL'}；按 Ctrl+C 停止）\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      started.app.log.info({ signal }, 'shutting down: finishing requests in flight');
      void started.stop().then(resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return EXIT_OK;
}

async function runInit(o: DbOptions & { admin: string }): Promise<number> {
  const { openDatabase } = await import('../../server/runtime.js');
  const { initAdmin } = await import('../../server/ops/admin.js');
  const db = await openDatabase(o);
  try {
    const { password } = await initAdmin(db, o.admin);
    say(`已创建管理员账号：${o.admin}`);
    say('首次登录后须修改密码。这是一次性初始密码，请妥善保管：');
    say(`密码：${password}`);
  } finally {
    await db.close();
  }
  return EXIT_OK;
}

async function runBackup(o: DbOptions & { output: string }): Promise<number> {
  const { openDatabase, runningServer, databaseUrl } = await import('../../server/runtime.js');
  const { backupDatabase } = await import('../../server/ops/backup.js');
  let bytes: Uint8Array;
  const running = o.data && !databaseUrl(o) ? runningServer(o.data) : null;
  if (running) {
    // PGlite belongs to the running process: ask it for the copy (consistent, taken in one transaction).
    const r = await fetch(`${running.url}/api/backup`, {
      headers: { 'x-luoshi-backup-token': running.backupToken },
    }).catch((e: Error) => {
      throw new LuoshiError('server-unreachable', `无法连接运行中的服务 ${running.url}：${e.message}`);
    });
    if (!r.ok) throw new LuoshiError('backup-failed', `运行中的服务拒绝备份（HTTP ${r.status}）`);
    bytes = new Uint8Array(await r.arrayBuffer());
  } else {
    const db = await openDatabase(o);
    try {
      bytes = await backupDatabase(db);
    } finally {
      await db.close();
    }
  }
  await writeOutputAtomic(o.output, bytes);
  say(`已备份到 ${o.output}（${(bytes.length / 1024).toFixed(0)} KB${running ? '，服务运行中' : ''}）`);
  return EXIT_OK;
}

async function runRestore(file: string, o: DbOptions): Promise<number> {
  const { openDatabase } = await import('../../server/runtime.js');
  const { restoreDatabase } = await import('../../server/ops/backup.js');
  const bytes = await readInput(file, 4 * 1024 * 1024 * 1024);
  const db = await openDatabase(o);
  try {
    const counts = await restoreDatabase(db, bytes, path.basename(file));
    say(
      `已从 ${file} 恢复：${counts.users} 个账号，${counts.rounds} 个填报轮次，${counts.submissions} 份报送，${counts.audit_log} 条操作记录`,
    );
  } finally {
    await db.close();
  }
  return EXIT_OK;
}

function dbOptions(cmd: Command): Command {
  return cmd
    .option('--data <文件夹>', '数据目录（内置数据库保存在其中的 db/ 子目录）')
    .option('--database <postgres://…>', '改用 PostgreSQL 数据库（也可用环境变量 DATABASE_URL）');
}

export function registerServe(program: Command): void {
  const serve = dbOptions(
    subcommand(
      program,
      'serve',
      '启动协调办公室的服务器：填报轮次、账号、网上报送、审核、汇总和报告，以及 Excel 加载项',
    ),
  )
    .option('--port <端口>', '端口', '8080')
    .option('--host <地址>', '监听地址（默认：有证书时 0.0.0.0，否则 127.0.0.1）')
    .option('--cert <证书.pem>', 'HTTPS 证书（PEM）；不给证书时只能在本机用 HTTP')
    .option('--key <私钥.pem>', 'HTTPS 私钥（PEM）')
    .option(
      '--public-url <网址>',
      '各单位访问本服务的网址（写入加载项清单），如 https://luoshi.example.gov.cn',
    )
    .option('--web <文件夹>', '网页文件夹（默认 dist-web/）')
    .option('--addin <文件夹>', '加载项文件夹（默认 dist/）')
    .option('--log-level <级别>', '日志级别：info（默认）、warn、error、debug')
    .option(
      '--trust-proxy <地址>',
      '前面有反向代理（如 nginx）时，代理的 IP 地址或网段（逗号分隔）：来自它的请求按 X-Forwarded-For 记录访问者地址',
    )
    .addHelpText(
      'after',
      `
示例：
  luoshi serve init --data 数据 --admin admin      # 建库并创建第一个管理员，最后一行输出“密码：…”
  luoshi serve --data 数据 --port 8080              # 启动（本机 HTTP）
  luoshi serve --data 数据 --port 443 --cert 证书.pem --key 私钥.pem --public-url https://luoshi.example.gov.cn
  luoshi serve --data 数据 --port 8080 --trust-proxy 127.0.0.1   # 由本机的 nginx 转发
  luoshi serve backup --data 数据 -o 备份.tar         # 运行中也可备份
  luoshi serve restore 备份.tar --data 新数据目录`,
    )
    .action(action(async (_o: ServeOptions, cmd: Command) => runServe(merged<ServeOptions>(cmd))));

  dbOptions(subcommand(serve, 'init', '新建数据库并创建第一个管理员（输出一次性密码）'))
    .requiredOption('--admin <用户名>', '管理员用户名')
    .action(action(async (_o: unknown, cmd: Command) => runInit(merged<DbOptions & { admin: string }>(cmd))));

  dbOptions(subcommand(serve, 'backup', '备份整个数据库为 .tar（服务运行中也可，内容一致）'))
    .requiredOption('-o, --output <备份.tar>', '备份文件')
    .action(
      action(async (_o: unknown, cmd: Command) => runBackup(merged<DbOptions & { output: string }>(cmd))),
    );

  dbOptions(subcommand(serve, 'restore <备份.tar>', '把备份恢复到新的空数据目录或空数据库')).action(
    action(async (file: string, _o: unknown, cmd: Command) => runRestore(file, merged<DbOptions>(cmd))),
  );

  dbOptions(subcommand(serve, 'demo', '用自带的示例数据启动演示服务器（打印登录信息）'))
    .option('--port <端口>', '端口', '8080')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const { runServeDemo } = await import('../../server/ops/demo.js');
        return runServeDemo(merged<{ data?: string; port: string }>(cmd), portOf);
      }),
    );
}
