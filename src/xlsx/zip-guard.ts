/**
 * Zip bombs, checked before anything is inflated. An .xlsx or .docx is a zip; its central directory
 * declares every entry's sizes and where its data lies. From that alone we refuse a package that
 * declares more than the limit unzipped (or more entries than any workbook has), an entry claiming a
 * ratio deflate cannot produce, and entries whose data overlap or nest inside each other (the
 * "overlapping files" bomb, where one compressed block is counted many times). A declared size can
 * also be a lie the other way; `checkInflatedSizes` inflates each entry in chunks and stops at the
 * first byte past its declared size, for readers (exceljs' JSZip) that would otherwise inflate all.
 */
import { Inflate, strFromU8 } from 'fflate';

/** Largest total unzipped size of a workbook or document: real ones are a few MB. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
/** More entries than any real workbook or document has. */
export const MAX_ZIP_ENTRIES = 10_000;
/** Deflate cannot compress better than ~1032:1; a larger declared ratio is a lie. */
const MAX_DEFLATE_RATIO = 1032;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
  /** Offset of its compressed data (after the local header). */
  dataOffset: number;
}

export type ZipRefusal =
  | { kind: 'too-large'; total: number; entries: number }
  | { kind: 'too-many'; entries: number }
  | { kind: 'impossible-ratio'; entry: string }
  | { kind: 'overlap'; entry: string }
  | { kind: 'duplicate'; entry: string }
  | { kind: 'malformed'; detail: string };

/** Thrown by the checks; hosts turn it into their own Chinese message (see zipRefusalText). */
export class ZipRefused extends Error {
  constructor(readonly refusal: ZipRefusal) {
    super(`zip refused: ${refusal.kind}`);
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function malformed(detail: string): never {
  throw new ZipRefused({ kind: 'malformed', detail });
}

class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  has(at: number, n: number): boolean {
    return at >= 0 && at + n <= this.bytes.length;
  }
  u16(at: number): number {
    if (!this.has(at, 2)) malformed('truncated');
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    if (!this.has(at, 4)) malformed('truncated');
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    const low = this.u32(at);
    const high = this.u32(at + 4);
    // Beyond 2^53 is no workbook; the size checks refuse it as too large.
    return high * 0x1_0000_0000 + low;
  }
}

/** Offset of the end-of-central-directory record, or -1 (not a zip). */
function findEocd(r: Reader): number {
  const stop = Math.max(0, r.bytes.length - 22 - 0xffff);
  for (let i = r.bytes.length - 22; i >= stop; i--) if (r.u32(i) === EOCD) return i;
  return -1;
}

function directory(r: Reader, eocd: number): { count: number; offset: number } {
  let count = r.u16(eocd + 10);
  let offset = r.u32(eocd + 16);
  if (
    (count === 0xffff || offset === 0xffffffff) &&
    r.has(eocd - 20, 4) &&
    r.u32(eocd - 20) === ZIP64_LOCATOR
  ) {
    const at = r.u64(eocd - 20 + 8);
    if (r.u32(at) !== ZIP64_EOCD) malformed('zip64 record');
    count = r.u64(at + 32);
    offset = r.u64(at + 48);
  }
  return { count, offset };
}

/** The sizes and offset of a central entry, with its zip64 extra field applied. */
function zip64Fields(
  r: Reader,
  at: number,
  fields: { size: number; compressedSize: number; offset: number },
): void {
  const nameLen = r.u16(at + 28);
  const extraLen = r.u16(at + 30);
  let p = at + 46 + nameLen;
  const end = p + extraLen;
  while (p + 4 <= end) {
    const id = r.u16(p);
    const len = r.u16(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      if (fields.size === 0xffffffff) {
        fields.size = r.u64(q);
        q += 8;
      }
      if (fields.compressedSize === 0xffffffff) {
        fields.compressedSize = r.u64(q);
        q += 8;
      }
      if (fields.offset === 0xffffffff) fields.offset = r.u64(q);
    }
    p += 4 + len;
  }
}

function entryAt(r: Reader, at: number): { entry: ZipEntry; next: number } {
  if (r.u32(at) !== CENTRAL) malformed('central entry');
  const nameLen = r.u16(at + 28);
  const next = at + 46 + nameLen + r.u16(at + 30) + r.u16(at + 32);
  if (!r.has(at, next - at)) malformed('truncated central entry');
  // fflate's decoder, not TextDecoder: the add-in's 对比 reads workbooks through this guard in IE11, which has none
  const name = strFromU8(r.bytes.subarray(at + 46, at + 46 + nameLen));
  const f = { compressedSize: r.u32(at + 20), size: r.u32(at + 24), offset: r.u32(at + 42) };
  zip64Fields(r, at, f);
  if (r.u32(f.offset) !== LOCAL) malformed(`local header of ${name}`);
  const dataOffset = f.offset + 30 + r.u16(f.offset + 26) + r.u16(f.offset + 28);
  const entry = { name, method: r.u16(at + 10), ...f, dataOffset };
  return { entry, next };
}

/** The entries of a zip's central directory and where it starts, or null when the bytes are no zip. */
export function zipEntries(
  bytes: Uint8Array,
  maxEntries = MAX_ZIP_ENTRIES,
): { entries: ZipEntry[]; directoryOffset: number } | null {
  const r = new Reader(bytes);
  if (bytes.length < 22) return null;
  const eocd = findEocd(r);
  if (eocd < 0) return null;
  const dir = directory(r, eocd);
  if (dir.count > maxEntries) throw new ZipRefused({ kind: 'too-many', entries: dir.count });
  const entries: ZipEntry[] = [];
  let at = dir.offset;
  for (let i = 0; i < dir.count; i++) {
    const { entry, next } = entryAt(r, at);
    entries.push(entry);
    at = next;
  }
  return { entries, directoryOffset: dir.offset };
}

/** Entries' data must lie one after another, each before the central directory. */
function checkOverlaps(entries: ZipEntry[], directoryOffset: number): void {
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  let end = 0;
  for (const e of byOffset) {
    const last = e.dataOffset + e.compressedSize;
    if (e.offset < end || last > directoryOffset) throw new ZipRefused({ kind: 'overlap', entry: e.name });
    end = last;
  }
}

function checkEntry(e: ZipEntry): void {
  const stored = e.method === 0;
  if ((stored && e.size !== e.compressedSize) || e.size > Math.max(1, e.compressedSize) * MAX_DEFLATE_RATIO)
    throw new ZipRefused({ kind: 'impossible-ratio', entry: e.name });
}

/**
 * Check a zip from its central directory: throws ZipRefused for a bomb or a malformed directory;
 * returns the entries, or null for bytes that are no zip (the readers give those their own message).
 */
export function checkZip(bytes: Uint8Array, maxUnzipped = MAX_UNZIPPED_BYTES): ZipEntry[] | null {
  const zip = zipEntries(bytes);
  if (!zip) return null;
  let total = 0;
  const names = new Set<string>();
  for (const e of zip.entries) {
    if (names.has(e.name)) throw new ZipRefused({ kind: 'duplicate', entry: e.name });
    names.add(e.name);
    checkEntry(e);
    total += e.size;
  }
  if (total > maxUnzipped) throw new ZipRefused({ kind: 'too-large', total, entries: zip.entries.length });
  checkOverlaps(zip.entries, zip.directoryOffset);
  return zip.entries;
}

/**
 * Inflate every deflated entry in chunks, counting, and refuse the first that yields more than it
 * declared: the bound for readers that trust the data rather than the directory. Work and memory are
 * bounded by the declared sizes (already checked) plus one chunk.
 */
export function checkInflatedSizes(bytes: Uint8Array, entries: ZipEntry[]): void {
  const CHUNK = 64 * 1024;
  for (const e of entries) {
    if (e.method !== 8) continue;
    let produced = 0;
    const inflate = new Inflate((chunk) => {
      produced += chunk.length;
      if (produced > e.size) throw new ZipRefused({ kind: 'impossible-ratio', entry: e.name });
    });
    const data = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    try {
      for (let p = 0; p < data.length; p += CHUNK)
        inflate.push(data.subarray(p, Math.min(p + CHUNK, data.length)), p + CHUNK >= data.length);
    } catch (err) {
      if (err instanceof ZipRefused) throw err;
      // Corrupt deflate data: the reader gives its own message for a damaged file.
    }
  }
}

/** A Chinese sentence for a refusal, naming the file. */
export function zipRefusalText(file: string, r: ZipRefusal): string {
  switch (r.kind) {
    case 'too-large':
      return `${file} 解压后过大（声明 ${(r.total / 1048576).toFixed(0)} MB，${r.entries} 个部件，上限 ${MAX_UNZIPPED_BYTES / 1048576} MB），不像正常的文件（可能是“压缩炸弹”），已拒绝读取`;
    case 'too-many':
      return `${file} 含有 ${r.entries} 个压缩部件（上限 ${MAX_ZIP_ENTRIES}），不像正常的文件，已拒绝读取`;
    case 'impossible-ratio':
      return `${file} 中的部件“${r.entry}”声明的大小与实际压缩数据不符（可能是“压缩炸弹”或已损坏），已拒绝读取`;
    case 'overlap':
      return `${file} 中的部件“${r.entry}”与其他部件的数据重叠（可能是“压缩炸弹”或已损坏），已拒绝读取`;
    case 'duplicate':
      return `${file} 中有重名的部件“${r.entry}”，文件已损坏或被改动，已拒绝读取`;
    case 'malformed':
      return `${file} 的压缩目录已损坏，无法读取，请重新保存后再试`;
  }
}
