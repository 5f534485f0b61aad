/**
 * Types for the parts of daff (paulfitz/daff, generated from Haxe, ships no types) that luoshi uses.
 * We import the pure build `daff/lib/core.js` (no require of fs/crypto/child_process), so the same
 * comparison runs in Node and in the Excel add-in's browser bundle.
 */
declare module 'daff/lib/core.js' {
  namespace daff {
    /** A cell of a highlighter table built with allow_nested_cells: a changed cell is {before, after}. */
    type DaffCell = string | number | boolean | null | { before: unknown; after: unknown };

    class CompareFlags {
      constructor();
      /** Key columns: rows are aligned on these, never on position. */
      addPrimaryKey(column: string): void;
      ignoreColumn(column: string): void;
      ignore_whitespace: boolean;
      ignore_case: boolean;
      ignore_epsilon: number;
      show_unchanged: boolean;
      show_unchanged_columns: boolean;
      unchanged_context: number;
      unchanged_column_context: number;
      always_show_header: boolean;
      allow_nested_cells: boolean;
      ordered: boolean;
    }

    class TableView {
      constructor(data: unknown[][]);
    }

    interface Alignment {
      readonly __alignment: never;
    }

    interface CompareTable {
      align(): Alignment;
    }

    interface DiffSummary {
      row_deletes: number;
      row_inserts: number;
      row_updates: number;
      row_reorders: number;
      col_deletes: number;
      col_inserts: number;
      col_updates: number;
      col_renames: number;
      col_reorders: number;
      different: boolean;
    }

    class TableDiff {
      constructor(align: Alignment, flags: CompareFlags);
      hilite(output: TableView): boolean;
      getSummary(): DiffSummary;
    }

    function compareTables(local: TableView, remote: TableView, flags?: CompareFlags): CompareTable;
  }
  export default daff;
}
