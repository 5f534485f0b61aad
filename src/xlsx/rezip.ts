/**
 * Re-compress a zip whose entries are STORED.
 *
 * exceljs compresses through JSZip's deflate (pako), which at its default level is most of the time it
 * takes to write a workbook. Asking it for a STORED zip and deflating here at level 1 is faster. The
 * archive is read and written by fflate; the deflate itself is pluggable, because Node's native zlib
 * is ~6× faster than fflate's JavaScript deflate (3 ms against 20 ms for a 300-target workbook) while
 * the add-in's browser bundle has only fflate.
 */
import { deflateSync, unzipSync, Zip, ZipPassThrough } from 'fflate';

/** Raw DEFLATE (no zlib header) of one entry's bytes. */
export type DeflateRaw = (data: Uint8Array, level: number) => Uint8Array;

export const fflateDeflateRaw: DeflateRaw = (data, level) =>
  deflateSync(data, { level: level as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 });

/**
 * A zip entry whose whole content is pushed at once and deflated by `deflateRaw`. ZipPassThrough
 * keeps the CRC and size of the uncompressed data; only the compression step is ours.
 */
class DeflatedEntry extends ZipPassThrough {
  constructor(
    filename: string,
    private readonly deflateRaw: DeflateRaw,
    private readonly level: number,
  ) {
    super(filename);
    this.compression = 8;
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    this.ondata(null, this.deflateRaw(chunk, this.level) as Uint8Array<ArrayBuffer>, final);
  }
}

/** Deflate every entry of a STORED zip; returns the new zip's bytes. Level 1: the XML is repetitive, so it still shrinks ~15×. */
export function deflateStoredZip(
  bytes: Uint8Array,
  level = 1,
  deflateRaw: DeflateRaw = fflateDeflateRaw,
  /** Optional edit of an entry's (uncompressed) bytes before it is deflated again. */
  transform?: (name: string, data: Uint8Array) => Uint8Array,
): Uint8Array {
  const files = unzipSync(bytes);
  const chunks: Uint8Array[] = [];
  // typed by assertion: the callback assigns it, which control-flow narrowing cannot see
  let failure = null as Error | null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  for (const [name, data] of Object.entries(files)) {
    const entry = new DeflatedEntry(name, deflateRaw, level);
    zip.add(entry);
    entry.push(transform ? transform(name, data) : data, true);
  }
  zip.end();
  if (failure) throw failure;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
