import type { Catalogue } from '../model/catalogue.js';
import { hashHex } from './text.js';

/** Content hash over documents, tasks and targets (headings follow from the documents' text). */
export function catalogueVersion(
  c: Pick<Catalogue, 'documents' | 'tasks' | 'targets' | 'deletedTargets'>,
): string {
  const s = JSON.stringify(
    c.deletedTargets?.length
      ? [c.documents, c.tasks, c.targets, c.deletedTargets]
      : [c.documents, c.tasks, c.targets],
  );
  return hashHex(s, 1) + hashHex(s, 2).slice(-6);
}
