/**
 * Reading big used ranges in row blocks (pure). Excel on the web refuses a response over 5 MB
 * ("ResponsePayloadSizeLimitExceeded"): at 1,280 targets and 3,760 tasks the luoshi sheets are
 * 4.3 MB of JSON, at twice that 8.7 MB. The host reads each used range as row blocks, as many per
 * request as the budget allows, learns the real bytes per cell from what it has read, and halves
 * the blocks of a request Excel still refuses.
 */
import type { CellBox } from './range-address.js';

export interface ReadBlock {
  sheet: string;
  box: CellBox;
}

/** First guess of one cell's share of a response (value + number format as JSON). */
const INITIAL_BYTES_PER_CELL = 64;
/** Learnt sizes are scaled up by this much: the next rows may hold longer text. */
const SAFETY = 1.5;

/**
 * Response bytes of values read back, counted as Office could send them: every character outside
 * ASCII as a 6-byte \uXXXX escape (more than its UTF-8 length, so the estimate errs high).
 */
export function responseBytes(data: unknown): number {
  const json = JSON.stringify(data);
  let n = 0;
  for (let i = 0; i < json.length; i++) n += json.charCodeAt(i) < 0x80 ? 1 : 6;
  return n;
}

export class BlockReader {
  private bytesPerCell = INITIAL_BYTES_PER_CELL;

  constructor(private readonly budget: number) {}

  /** A used range as row blocks of at most the budget's worth of cells each. */
  blocks(sheet: string, used: CellBox): ReadBlock[] {
    const rowsPerBlock = Math.max(1, Math.floor(this.budget / this.bytesPerCell / used.cols));
    const out: ReadBlock[] = [];
    for (let r = 0; r < used.rows; r += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, used.rows - r);
      out.push({ sheet, box: { row: used.row + r, col: used.col, rows, cols: used.cols } });
    }
    return out;
  }

  /** Takes from the front of `pending` the blocks of one request (always at least one). */
  take(pending: ReadBlock[]): ReadBlock[] {
    const batch: ReadBlock[] = [];
    let bytes = 0;
    while (pending.length > 0) {
      const next = this.estimate(pending[0]);
      if (batch.length > 0 && bytes + next > this.budget) break;
      bytes += next;
      batch.push(pending.shift() as ReadBlock);
    }
    return batch;
  }

  /** After a read: the real size of a block's values and formats raises the estimate. */
  observe(block: ReadBlock, data: unknown): void {
    const cells = block.box.rows * block.box.cols;
    if (cells > 0) this.bytesPerCell = Math.max(this.bytesPerCell, (responseBytes(data) / cells) * SAFETY);
  }

  /**
   * A request Excel refused as too large: its blocks again, each halved by rows, with the estimate
   * doubled. Null when the request was a single one-row block (nothing smaller to ask for).
   */
  split(batch: ReadBlock[]): ReadBlock[] | null {
    if (batch.length === 1 && batch[0].box.rows === 1) return null;
    this.bytesPerCell *= 2;
    return batch.flatMap((b) => {
      if (b.box.rows === 1) return [b];
      const top = Math.ceil(b.box.rows / 2);
      return [
        { sheet: b.sheet, box: { ...b.box, rows: top } },
        { sheet: b.sheet, box: { ...b.box, row: b.box.row + top, rows: b.box.rows - top } },
      ];
    });
  }

  private estimate(block: ReadBlock): number {
    return block.box.rows * block.box.cols * this.bytesPerCell;
  }
}
