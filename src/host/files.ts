/**
 * File access for the Node hosts (CLI, tests, benchmarks). Core modules never import this.
 * Inputs are read with a size limit; outputs are written atomically (temp file + rename),
 * and an output path that equals an input path is refused so an input is never overwritten.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { LuoshiError } from '../core/errors.js';

/** Largest input file we parse (policy texts are ~50 KB, workbooks ~100 KB; 50 MB is generous). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

export async function readInput(file: string, maxBytes = MAX_INPUT_BYTES): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new LuoshiError('file-not-found', `找不到文件：${file}`, { file });
  }
  if (stat.isDirectory()) throw new LuoshiError('is-directory', `${file} 是文件夹，不是文件`, { file });
  if (stat.size > maxBytes) {
    throw new LuoshiError(
      'file-too-large',
      `${file} 太大（${(stat.size / 1048576).toFixed(1)} MB），超过上限 ${(maxBytes / 1048576).toFixed(0)} MB`,
      { file },
    );
  }
  return new Uint8Array(await fs.readFile(file));
}

/** Write `data` to `file` atomically; refuses to overwrite any path listed in `inputs`. */
export async function writeOutputAtomic(
  file: string,
  data: Uint8Array | string,
  inputs: readonly string[] = [],
): Promise<void> {
  const target = path.resolve(file);
  for (const input of inputs) {
    if (path.resolve(input) === target) {
      throw new LuoshiError('output-is-input', `输出文件 ${file} 与输入文件相同，为避免覆盖原始文件已停止`, {
        file,
      });
    }
  }
  await fs.mkdir(path.dirname(target), { recursive: true });
  const tmp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw new LuoshiError('write-failed', `无法写入 ${file}：${(e as Error).message}`, { file });
  }
}

/**
 * Expand files and folders into a sorted list of files whose names end with one of `exts`
 * (folders are searched one level deep plus subfolders, recursively; hidden and temp files skipped).
 */
export async function expandInputs(inputs: readonly string[], exts: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const wanted = (name: string) =>
    !name.startsWith('.') && !name.startsWith('~$') && exts.some((e) => name.toLowerCase().endsWith(e));
  async function walk(p: string): Promise<void> {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch {
      throw new LuoshiError('file-not-found', `找不到文件或文件夹：${p}`, { file: p });
    }
    if (stat.isDirectory()) {
      const names = (await fs.readdir(p)).sort();
      for (const name of names) {
        const child = path.join(p, name);
        const s = await fs.stat(child);
        if (s.isDirectory()) await walk(child);
        else if (wanted(name)) out.push(child);
      }
    } else {
      out.push(p);
    }
  }
  for (const input of inputs) await walk(input);
  return out;
}
