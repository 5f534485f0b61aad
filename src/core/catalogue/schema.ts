/**
 * catalogue.json validation (zod). Errors name the file and the field in Chinese.
 */
import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { CATALOGUE_FORMAT, type Catalogue } from '../model/catalogue.js';
import { LuoshiError } from '../errors.js';

const str = z.string();
const strArr = z.array(z.string());

const DocumentSchema = z.object({
  id: str.min(1),
  title: str,
  docNumber: str.nullable(),
  issuer: str.nullable(),
  date: str.nullable(),
  source: str,
  textHash: str,
});

const HeadingSchema = z.object({
  id: str.min(1),
  documentId: str,
  label: str,
  level: z.number().int().min(1),
  text: str,
  path: strArr,
  offset: z.number().int(),
});

const TaskSchema = z.object({
  id: str.min(1),
  documentId: str,
  path: strArr,
  title: str,
  text: str,
  lead: strArr,
  participants: strArr,
  origin: z.enum(['text', 'table']),
  offset: z.number().int(),
});

const TargetSchema = z.object({
  id: str.min(1),
  documentId: str,
  taskId: str.nullable(),
  path: strArr,
  quote: str,
  indicator: str,
  comparator: z.enum(['>=', '>', '<=', '<', '=', '≈', 'range', 'milestone']),
  value: z.number().nullable(),
  valueMax: z.number().nullable(),
  unit: str.nullable(),
  normalizedValue: z.number().nullable(),
  baseUnit: str.nullable(),
  deadline: z
    .string()
    .regex(/^\d{4}(-\d{2})?$/)
    .nullable(),
  perYear: z.boolean(),
  perUnit: str.nullable(),
  cycle: z.enum(['month', 'quarter', 'half-year', 'year']).optional(),
  linked: strArr,
  lead: strArr,
  participants: strArr,
  offset: z.number().int(),
  corrected: z.enum(['added', 'edited', 'confirmed']).optional(),
  name: str.optional(),
  kind: z.enum(['total', 'rate', 'per-capita', 'duration', 'milestone']).optional(),
  // An office's copy of the catalogue with its allocated share (src/core/allocation).
  overall: z
    .object({
      comparator: z.enum(['>=', '>', '<=', '<', '=', '≈', 'range', 'milestone']),
      value: z.number().nullable(),
      valueMax: z.number().nullable(),
      scope: str,
    })
    .optional(),
});

export const CatalogueSchema = z.object({
  format: z.literal(CATALOGUE_FORMAT),
  formatVersion: z.number().int(),
  version: str,
  documents: z.array(DocumentSchema),
  headings: z.array(HeadingSchema),
  tasks: z.array(TaskSchema),
  targets: z.array(TargetSchema),
  deletedTargets: z.array(z.object({ id: str, documentId: str, quote: str, indicator: str })).optional(),
});

const FIELD_NAMES: Record<string, string> = {
  format: '格式标识',
  formatVersion: '格式版本',
  version: '版本',
  documents: '文件',
  headings: '标题',
  tasks: '任务',
  targets: '指标',
  id: '编号',
  title: '标题',
  quote: '原文',
  comparator: '比较',
  value: '目标值',
  deadline: '期限',
  unit: '单位',
  documentId: '所属文件',
};

function describePath(path: PropertyKey[]): string {
  if (!path.length) return '（整个文件）';
  return path
    .map((p) =>
      typeof p === 'number'
        ? `[${p + 1}]`
        : `.${String(p)}${FIELD_NAMES[String(p)] ? `（${FIELD_NAMES[String(p)]}）` : ''}`,
    )
    .join('')
    .replace(/^\./, '');
}

/** Parse and validate catalogue.json text; throws LuoshiError naming the file and field. */
export function parseCatalogueJson(text: string, file: string): Catalogue {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    throw new LuoshiError(
      'bad-json',
      `${file} 不是有效的 JSON 文件（${(e as Error).message}），请使用 luoshi catalogue build 生成的 catalogue.json`,
      { file },
    );
  }
  if (
    typeof data === 'object' &&
    data !== null &&
    (data as { format?: unknown }).format !== CATALOGUE_FORMAT
  ) {
    throw new LuoshiError(
      'not-a-catalogue',
      `${file} 不是 luoshi 指标目录（缺少 "format": "${CATALOGUE_FORMAT}"），请使用 luoshi catalogue build 生成的 catalogue.json`,
      { file },
    );
  }
  const r = CatalogueSchema.safeParse(data, { error: zhCN().localeError });
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new LuoshiError(
      'bad-catalogue',
      `${file} 的字段 ${describePath(issue.path)} 有误：${issue.message}（共 ${r.error.issues.length} 处问题）`,
      { file },
    );
  }
  return r.data;
}
