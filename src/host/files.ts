/**
 * File access for the Node hosts (CLI, server, tests, benchmarks). Core modules never import this.
 *
 * Every host reads and writes through these guards:
 * - inputs are regular files only (no pipe, device, dangling or looping link), with the size limit
 *   checked on the open file before a byte is read;
 * - outputs are written atomically (temp file + rename), never onto an input, and a temp file is removed
 *   on failure, on SIGINT/SIGTERM, and (if the process was killed) on the next write into that folder;
 * - every file-system error becomes a LuoshiError whose Chinese message names the path.
 */
import { constants, promises as fs, readdirSync, realpathSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { LuoshiError } from '../core/errors.js';

/** Largest input file we parse (policy texts are ~50 KB, workbooks ~100 KB; 50 MB is generous). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

type Doing = '读取' | '写入' | '创建文件夹' | '打开文件夹';

function errnoCode(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : '';
}

/** A file-system error as a Chinese message naming `file` (what the user can do about it, where we know). */
export function fsError(e: unknown, file: string, doing: Doing): LuoshiError {
  if (e instanceof LuoshiError) return e;
  const code = errnoCode(e);
  const messages: Record<string, string> = {
    ENOENT: `找不到文件或文件夹：${file}`,
    ELOOP: `${file} 是循环的快捷方式（符号链接），无法打开`,
    EACCES: `没有权限${doing} ${file}，请检查文件或文件夹的权限`,
    EPERM: `无法${doing} ${file}：文件可能正在 Excel 或 WPS 中打开，或没有权限。请关闭该文件后重试`,
    EBUSY: `无法${doing} ${file}：文件正被其他程序（如 Excel 或 WPS）占用，请关闭后重试`,
    EEXIST: `无法${doing} ${file}：路径中有同名的文件挡住了文件夹`,
    ENOTDIR: `无法${doing} ${file}：路径中的某一级是文件而不是文件夹`,
    EISDIR: `${file} 是文件夹，不是文件`,
    ENAMETOOLONG: `文件名或路径太长，无法${doing}：${file}（请缩短名称或换一个较短的文件夹）`,
    ENOSPC: `磁盘空间不足，无法${doing} ${file}`,
    EROFS: `${file} 所在的位置是只读的，无法${doing}`,
    EMFILE: `同时打开的文件过多，无法${doing} ${file}，请稍后重试`,
    EINVAL: `文件名无效，无法${doing}：${file}`,
  };
  const message = messages[code] ?? `无法${doing} ${file}${code ? `（${code}）` : ''}`;
  return new LuoshiError(`fs-${code.toLowerCase() || 'error'}`, message, { file });
}

function describeKind(st: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
}): string {
  if (st.isDirectory()) return '文件夹';
  if (st.isFIFO()) return '命名管道';
  if (st.isCharacterDevice()) return '设备文件';
  return '特殊文件';
}

/** Follow `file` (if it is a link) to what it names; dangling links and loops get their own message. */
async function statRegular(file: string): Promise<void> {
  let st;
  try {
    st = await fs.lstat(file);
  } catch (e) {
    throw fsError(e, file, '读取');
  }
  if (st.isSymbolicLink()) {
    try {
      st = await fs.stat(file);
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') {
        throw new LuoshiError('dangling-link', `${file} 是快捷方式（符号链接），但它指向的文件不存在`, {
          file,
        });
      }
      throw fsError(e, file, '读取');
    }
  }
  if (st.isDirectory()) throw new LuoshiError('is-directory', `${file} 是文件夹，不是文件`, { file });
  if (!st.isFile()) {
    throw new LuoshiError('not-regular-file', `${file} 是${describeKind(st)}，不是普通文件，已跳过`, {
      file,
    });
  }
}

function tooLarge(file: string, size: number, maxBytes: number): LuoshiError {
  return new LuoshiError(
    'file-too-large',
    `${file} 太大（${(size / 1048576).toFixed(1)} MB），超过上限 ${(maxBytes / 1048576).toFixed(0)} MB`,
    { file },
  );
}

/**
 * Read a regular file of at most `maxBytes`. The file is opened non-blocking (a pipe swapped in after the
 * check cannot block) and checked again on the open handle; reading stops at `maxBytes`, so a file that
 * grows while it is read (a link to /dev/zero) cannot exhaust memory either.
 */
export async function readInput(file: string, maxBytes = MAX_INPUT_BYTES): Promise<Uint8Array> {
  await statRegular(file);
  let handle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw fsError(e, file, '读取');
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) {
      throw new LuoshiError('not-regular-file', `${file} 是${describeKind(st)}，不是普通文件，已跳过`, {
        file,
      });
    }
    if (st.size > maxBytes) throw tooLarge(file, st.size, maxBytes);
    const buf = new Uint8Array(st.size);
    let filled = 0;
    while (filled < buf.length) {
      const { bytesRead } = await handle.read(buf, filled, buf.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === buf.length ? buf : buf.subarray(0, filled);
  } catch (e) {
    throw fsError(e, file, '读取');
  } finally {
    await handle.close();
  }
}

/** Read a regular text file as UTF-8 (size-limited like readInput). */
export async function readInputText(file: string, maxBytes = MAX_INPUT_BYTES): Promise<string> {
  return new TextDecoder('utf-8').decode(await readInput(file, maxBytes));
}

// ---- outputs

/**
 * The path a link resolves to; for an output not written yet, its folder resolved plus its name, so
 * `已报送/../已报送/长春市.xlsx` and a link to it compare equal to the input they name.
 */
function canonicalPath(p: string): string {
  const abs = path.resolve(p);
  try {
    return realpathSync.native(abs);
  } catch {
    try {
      return path.join(realpathSync.native(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/** Case-insensitive file systems (Windows, macOS) treat 长春市.XLSX and 长春市.xlsx as one file. */
function samePath(a: string, b: string): boolean {
  if (a === b) return true;
  return (
    (process.platform === 'win32' || process.platform === 'darwin') && a.toLowerCase() === b.toLowerCase()
  );
}

/**
 * Refuse an output that is one of the inputs (directly, through a link, or as a file inside an input
 * folder that the command reads), so an input is never overwritten.
 */
export function guardOutput(file: string, inputs: readonly string[]): void {
  const target = canonicalPath(file);
  for (const input of inputs) {
    if (samePath(canonicalPath(input), target)) {
      throw new LuoshiError(
        'output-is-input',
        `输出文件 ${file} 是输入文件之一（${input}），为避免覆盖原始文件已停止。请换一个输出文件名或文件夹`,
        { file },
      );
    }
  }
}

const TEMP_PREFIX = '.luoshi-';
/** Folders this process writes temp files into; on SIGINT/SIGTERM its temp files there are removed. */
const tempDirs = new Set<string>();
let signalsHooked = false;

function tempName(dir: string): string {
  return path.join(dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoCode(e) === 'EPERM';
  }
}

/** Remove temp files in `dir` left by this process (own) or by a run that was killed (dead pid). */
function removeTempFiles(dir: string, own: boolean): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = /^\.luoshi-(\d+)-[0-9a-f]{12}\.tmp$/.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (own ? pid === process.pid : pid !== process.pid && !processAlive(pid)) {
      rmSync(path.join(dir, name), { force: true });
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  for (const dir of tempDirs) removeTempFiles(dir, true);
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/** Note that this process writes temp files into `dir` (also for writes done in worker threads). */
export function watchTempDir(dir: string): void {
  tempDirs.add(path.resolve(dir));
  if (!signalsHooked) {
    signalsHooked = true;
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
}

async function ensureFolder(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    throw fsError(e, dir, '创建文件夹');
  }
}

/** Write `data` to `file` atomically; refuses to overwrite any path listed in `inputs`. */
export async function writeOutputAtomic(
  file: string,
  data: Uint8Array | string,
  inputs: readonly string[] = [],
): Promise<void> {
  guardOutput(file, inputs);
  const target = path.resolve(file);
  const dir = path.dirname(target);
  await ensureFolder(dir);
  const existing = await fs.stat(target).catch(() => null);
  if (existing?.isDirectory())
    throw new LuoshiError('is-directory', `${file} 是文件夹，无法写成文件`, { file });
  watchTempDir(dir);
  removeTempFiles(dir, false);
  const tmp = tempName(dir);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw fsError(e, file, '写入');
  }
}

/** Create an output folder (mapping its errors to a Chinese message naming it). */
export async function ensureOutputFolder(dir: string): Promise<void> {
  await ensureFolder(dir);
  watchTempDir(dir);
  removeTempFiles(path.resolve(dir), false);
}

// ---- inputs in folders

/**
 * Expand files and folders into a sorted list of files whose names end with one of `exts` (folders are
 * searched recursively; hidden and Office lock files skipped). Entries that cannot be opened (a dangling
 * or looping link, a pipe, a missing path) are kept in the list so the batch reports each one with its
 * own message when reading it; linked folders are followed once (no endless walk through a link cycle).
 */
export async function expandInputs(inputs: readonly string[], exts: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const wanted = (name: string) =>
    !name.startsWith('.') && !name.startsWith('~$') && exts.some((e) => name.toLowerCase().endsWith(e));
  async function walk(p: string, top: boolean): Promise<void> {
    const st = await fs.stat(p).catch(() => null);
    if (!st?.isDirectory()) {
      if (top || wanted(path.basename(p))) out.push(p);
      return;
    }
    const real = await fs.realpath(p).catch(() => p);
    if (seen.has(real)) return;
    seen.add(real);
    let names: string[];
    try {
      names = (await fs.readdir(p)).sort();
    } catch (e) {
      throw fsError(e, p, '打开文件夹');
    }
    for (const name of names) {
      if (name.startsWith('.') || name.startsWith('~$')) continue;
      await walk(path.join(p, name), false);
    }
  }
  for (const input of inputs) await walk(input, true);
  return out;
}
