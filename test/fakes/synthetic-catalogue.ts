/**
 * Builds a Catalogue of any size for the add-in's scaling tests (sync counts, payload chunking).
 * The real catalogue from seeds/ has ~100 targets; Excel's limits only bite at thousands, so the
 * large cases are generated. Quotes mix realistic Chinese text with text that Excel would
 * misread if written carelessly (leading =, -, +, @, numbers and dates as text).
 */
import type { Catalogue, Target, Task } from '../../src/core/model/catalogue.js';

const PHRASES = [
  '到2020年，全省健康服务业总规模达到1000亿元以上',
  '每千常住人口执业（助理）医师数达到2.5人',
  '婴儿死亡率控制在6‰以下',
  '商业健康保险支出占卫生总费用的比重达到5%',
  '=SUM(A1:A9)',
  '-15%的降幅',
  '+3个百分点',
  '@全体单位',
  '2020',
  '1/2',
];

export function syntheticCatalogue(targetCount: number, version = 'synthetic-v1'): Catalogue {
  const documents = [0, 1, 2].map((i) => ({
    id: `doc-${i}`,
    title: `关于推进第${i + 1}项重点工作的实施意见`,
    docNumber: `吉政发〔2016〕${10 + i}号`,
    issuer: '吉林省人民政府',
    date: '2016-03-01',
    source: `doc-${i}.txt`,
    textHash: `hash-${i}`,
  }));
  const tasks: Task[] = [];
  const targets: Target[] = [];
  const taskCount = Math.max(1, Math.ceil(targetCount / 5));
  for (let k = 0; k < taskCount; k++) {
    const doc = documents[k % documents.length];
    tasks.push({
      id: `${doc.id}-task-${k}`,
      documentId: doc.id,
      path: ['二、', `（${k + 1}）`],
      title: `重点任务${k + 1}`,
      text: `加快推进重点任务${k + 1}，完善体制机制，强化组织保障。`,
      lead: ['省发展改革委'],
      participants: ['省财政厅'],
      origin: 'text',
      offset: k * 100,
    });
  }
  for (let i = 0; i < targetCount; i++) {
    const task = tasks[Math.floor(i / 5) % tasks.length];
    const phrase = PHRASES[i % PHRASES.length];
    targets.push({
      id: `${task.documentId}-t${String(i + 1).padStart(4, '0')}`,
      documentId: task.documentId,
      taskId: task.id,
      path: task.path,
      quote: i % PHRASES.length >= 4 ? phrase : `${phrase}（第${i + 1}项）`,
      indicator: `指标${i + 1}`,
      comparator: i % 3 === 0 ? 'milestone' : '>=',
      value: i % 3 === 0 ? null : (i % 50) + 1,
      valueMax: null,
      unit: i % 3 === 0 ? null : i % 2 ? '%' : '亿元',
      normalizedValue: i % 3 === 0 ? null : (i % 50) + 1,
      baseUnit: i % 3 === 0 ? null : i % 2 ? '%' : '元',
      deadline: '2020',
      perYear: false,
      perUnit: null,
      linked: [],
      lead: ['省发展改革委'],
      participants: [],
      offset: i * 10,
    });
  }
  return { format: 'luoshi-catalogue', formatVersion: 1, version, documents, headings: [], tasks, targets };
}
