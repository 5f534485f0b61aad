/**
 * The server of bench/server.ts in a process of its own, as in use (the 200 offices are other machines):
 * its CPU time is then the server's alone. Started with the data folder and the number of checking
 * threads; answers messages from the parent over IPC:
 *   {op: 'cpu'}                  → {cpuMs}: user + system CPU of this process (all its threads) so far
 *   {op: 'sql', text, params}    → {rows}
 *   {op: 'stop'}                 → stops the server and exits
 * and sends {url, password} (the first 管理员's one-time password) once listening.
 */
import { startServer } from '../src/server/runtime.js';
import { initAdmin } from '../src/server/ops/admin.js';

interface Message {
  id: number;
  op: 'cpu' | 'sql' | 'stop';
  text?: string;
  params?: unknown[];
}

const [data, threads] = process.argv.slice(2);
const server = await startServer({
  data,
  port: 0,
  logLevel: 'warn',
  loginsPerMinute: 10_000,
  intakeThreads: Number(threads),
});
const { password } = await initAdmin(server.db, 'admin');
process.send?.({ url: server.url, password });

process.on('message', (m: Message) => {
  void (async () => {
    if (m.op === 'cpu') {
      const u = process.cpuUsage();
      process.send?.({ id: m.id, cpuMs: (u.user + u.system) / 1000 });
    } else if (m.op === 'sql') {
      process.send?.({ id: m.id, rows: await server.db.query(m.text ?? '', m.params ?? []) });
    } else {
      await server.stop();
      process.send?.({ id: m.id });
      process.exit(0);
    }
  })();
});
