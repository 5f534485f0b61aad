/**
 * A catalogue written by hand for fast core tests: one document, its headings, tasks and targets
 * given field by field, so a test knows every value it expects without building the seeds.
 */
import type { Catalogue, Comparator, HeadingNode, Task, Target } from '../../src/core/model/catalogue.js';

export const HAND_DOC_ID = 'd1';

/** A target; `offset` orders it in the workbook. */
export function handTarget(
  id: string,
  over: Partial<Target> & { value: number | null; unit: string | null; offset: number },
): Target {
  const comparator: Comparator = over.comparator ?? (over.value === null ? 'milestone' : '>=');
  return {
    id,
    documentId: HAND_DOC_ID,
    taskId: null,
    path: ['一、'],
    quote: `到2025年，指标${id}达到${over.value ?? ''}${over.unit ?? ''}`,
    indicator: `指标${id}`,
    valueMax: null,
    normalizedValue: over.value,
    baseUnit: over.unit,
    deadline: '2025',
    perYear: false,
    perUnit: null,
    linked: [],
    lead: ['省卫健委'],
    participants: [],
    ...over,
    comparator,
  };
}

export function handTask(id: string, title: string, offset: number): Task {
  return {
    id,
    documentId: HAND_DOC_ID,
    path: ['二、', `（${offset}）`],
    title,
    text: `${title}，确保按期完成。`,
    lead: ['省卫健委'],
    participants: [],
    origin: 'text',
    offset,
  };
}

export function handCatalogue(
  targets: Target[],
  tasks: Task[] = [],
  headings: HeadingNode[] = [],
): Catalogue {
  return {
    format: 'luoshi-catalogue',
    formatVersion: 1,
    version: 'hand-v1',
    documents: [
      {
        id: HAND_DOC_ID,
        title: '吉林省卫生健康事业发展规划',
        docNumber: '吉政发〔2023〕5号',
        issuer: null,
        date: null,
        source: 'd1.txt',
        textHash: 'h',
      },
    ],
    headings,
    tasks,
    targets,
  };
}
