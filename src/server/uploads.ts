/**
 * Reading multipart uploads within limits: the per-file byte limit is the multipart plugin's (413), and
 * an .xlsx is a zip whose central directory is inspected before anything is inflated, so a small file that
 * would unzip to gigabytes (a zip bomb) is refused without being unpacked.
 */
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { unzipSync } from 'fflate';
import { HttpError, badRequest } from './errors.js';

export interface UploadedFile {
  field: string;
  fileName: string;
  bytes: Uint8Array;
}

export interface Upload {
  files: UploadedFile[];
  fields: Record<string, string>;
}

export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 上传文件', 'not-multipart');
  const out: Upload = { files: [], fields: {} };
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = ownBytes(await part.toBuffer());
        out.files.push({ field: part.fieldname, fileName: cleanFileName(part.filename), bytes });
      } else if (typeof part.value === 'string') {
        out.fields[part.fieldname] = part.value;
      }
    }
  } catch (e) {
    // The plugin's limit errors carry a code (answered 413 by the app); the multipart parser's own
    // (a body cut short, a boundary that never comes, a broken part header) are plain Errors.
    if (typeof (e as { code?: unknown }).code === 'string') throw e;
    throw badRequest('上传的内容不完整或格式已损坏，请重新上传', 'bad-multipart');
  }
  return out;
}

/**
 * The file's bytes as a plain Uint8Array. The plugin's buffer is a fresh concatenation; only a small
 * one is a slice of Node's shared pool, and that one is copied (a pool slice must not travel to the
 * checking thread with its neighbours). Not copying the rest spares 150 KB per upload that the garbage
 * collector counts as external memory during a burst.
 */
function ownBytes(buf: Buffer): Uint8Array {
  if (buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength) {
    return new Uint8Array(buf.buffer, 0, buf.byteLength);
  }
  return new Uint8Array(buf);
}

/** The base name a browser sent, without any folder part or control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 200);
  return clean || '未命名文件';
}

export interface ZipLimits {
  maxUnzippedBytes: number;
  /** Largest ratio of unzipped to zipped size once past 10 MB unzipped. */
  maxRatio?: number;
  maxEntries?: number;
}

/**
 * Refuse a zip whose entries would unzip beyond the limits, using the sizes its central directory
 * declares (the readers inflate into buffers of those sizes). Non-zip bytes pass through: the workbook
 * reader gives them their own Chinese message.
 */
export function checkZipLimits(bytes: Uint8Array, fileName: string, limits: ZipLimits): void {
  let total = 0;
  let entries = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        entries++;
        return false;
      },
    });
  } catch {
    return;
  }
  const ratio = limits.maxRatio ?? 100;
  const tooMany = entries > (limits.maxEntries ?? 10_000);
  const tooBig =
    total > limits.maxUnzippedBytes || (total > 10 * 1024 * 1024 && total / bytes.length > ratio);
  if (tooMany || tooBig) {
    throw new HttpError(
      413,
      'zip-too-large',
      `${fileName} 解压后过大（${(total / 1048576).toFixed(0)} MB，${entries} 个部件），不像正常的填报表，已拒收`,
    );
  }
}
