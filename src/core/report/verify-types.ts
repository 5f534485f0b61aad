/** The result of `luoshi report --verify`: one check per rule of GB/T 9704 (docs/gbt9704.md). */
export interface VerifyCheck {
  /** Stable id, e.g. "render.chars" (tests and --json use it). */
  id: string;
  /** What the check is about, in Chinese, e.g. "每行28字". */
  name: string;
  ok: boolean;
  /** What is wrong and where (page, line), in Chinese; empty when ok. */
  problems: string[];
  /** One line of what was measured, in Chinese. */
  summary: string;
}

export function check(id: string, name: string, problems: string[], summary: string): VerifyCheck {
  return { id, name, ok: problems.length === 0, problems, summary };
}
