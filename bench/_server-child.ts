/**
 * The server of bench/server.ts in a process of its own, as in use (the 200 offices are other machines):
 * its CPU time is then the server's alone. Started with the data folder and the number of checking
 * threads; answers messages from the parent over IPC:
 *   {op: 'cpu'}                  → {cpuMs, systemCpuMs, minorFaults, mainCpuMs, threadCpuMs}: user +
 *                                  system CPU of this process (all its threads) so far, the system part,
 *                                  its minor page faults, the CPU of its main thread alone (Linux; null
 *                                  elsewhere) and of each thread by id (Linux; empty elsewhere)
 *   {op: 'sql', text, params}    → {rows}
 *   {op: 'stop'}                 → stops the server and exits
 * and sends {url, password} (the first 管理员's one-time password) once listening.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { startServer } from '../src/server/runtime.js';
import { initAdmin } from '../src/server/ops/admin.js';

interface Message {
  id: number;
  op: 'cpu' | 'sql' | 'stop';
  text?: string;
  params?: unknown[];
}

/**
 * CPU of the main thread (HTTP, sessions, the embedded database) apart from the checking threads:
 * utime + stime of /proc/self/task/PID/stat, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
 */
function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // After "pid (comm) " the fields start at the third; utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * CPU of every thread of this process so far (utime + stime in ms, by thread id; Linux only, else
 * empty): the checking threads are then told apart from V8's and libuv's helper threads (garbage
 * collection, file system) by how much each used during the uploads.
 */
function threadCpuMs(): Record<string, number> {
  const out: Record<string, number> = {};
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out[tid] = (Number(fields[11]) + Number(fields[12])) * 10;
    }
  } catch {
    // a thread that ended while being read, or no /proc: what was read so far
  }
  return out;
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
      process.send?.({
        id: m.id,
        cpuMs: (u.user + u.system) / 1000,
        systemCpuMs: u.system / 1000,
        minorFaults: process.resourceUsage().minorPageFault,
        mainCpuMs: mainThreadCpuMs(),
        threadCpuMs: threadCpuMs(),
      });
    } else if (m.op === 'sql') {
      process.send?.({ id: m.id, rows: await server.db.query(m.text ?? '', m.params ?? []) });
    } else {
      await server.stop();
      process.send?.({ id: m.id });
      process.exit(0);
    }
  })();
});
