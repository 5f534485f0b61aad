/**
 * An allocation (分解下达): the coordinating office's split of an overall target into each office's own
 * target. Plain JSON (the server stores one per round); produced by parseAllocationGrid, consumed by
 * applyAllocation when an office's workbook is made.
 */
import type { Comparator } from '../model/catalogue.js';

export const ALLOCATION_FORMAT = 'luoshi-allocation';

/** One office's own target for one catalogue target. */
export interface AllocationShare {
  office: string;
  comparator: Comparator;
  value: number;
  /** Upper bound when the share is a range ("10—15"), else null. */
  valueMax: number | null;
}

/** The shares of one target; offices without a share are absent (they are judged by nothing of their own). */
export interface AllocatedTarget {
  targetId: string;
  shares: AllocationShare[];
}

export interface Allocation {
  format: typeof ALLOCATION_FORMAT;
  /** The catalogue version the allocation was read against. */
  catalogueVersion: string;
  /** The file it was read from (base name), for messages. */
  source: string;
  /** Only targets with at least one share, in the file's row order. */
  targets: AllocatedTarget[];
}

/** An office as the allocation sees it: its name and the roster scope that says which targets concern it. */
export interface AllocationOffice {
  office: string;
  /** The roster's 文件 filter (empty = every document). */
  documents?: string[];
  /** The roster's 责任单位 filter (empty = every unit). */
  units?: string[];
}
