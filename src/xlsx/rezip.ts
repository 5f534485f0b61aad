/**
 * Re-compress a zip whose entries are STORED, with fflate.
 *
 * exceljs compresses through JSZip's deflate (pako), which at its default level is most of the time it
 * takes to write a workbook. Asking it for a STORED zip and deflating here at level 1 is faster, and
 * fflate runs alike in Node and in the add-in's browser bundle.
 */
import { unzipSync, zipSync } from 'fflate';

/** Deflate every entry of a STORED zip; returns the new zip's bytes. Level 1: the XML is repetitive, so it still shrinks ~15×. */
export function deflateStoredZip(bytes: Uint8Array, level: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 1): Uint8Array {
  return zipSync(unzipSync(bytes), { level });
}
