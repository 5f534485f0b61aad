/**
 * Request and response shapes of the routes the web pages added (catalogue corrections, round
 * allocation, report settings); kept apart from ./schemas.ts so each file has one owner.
 */
import { z } from 'zod';
import { CORRECTABLE_FIELDS } from '../../core/catalogue/corrections.js';
import { CatalogueSummary, RosterEntry } from './schemas.js';

const fieldText = z.string().max(2000);

/** One correction as the 目录审核 workbook row would hold it: the 改为… cells as text, read by the same rules. */
export const CatalogueCorrection = z.object({
  action: z.enum(['edit', 'delete', 'confirm', 'add']).describe('修改、删除、确认或新增'),
  targetId: z.string().trim().min(1).max(300).nullable().optional().describe('指标编号（新增时不填）'),
  fields: z
    .object(Object.fromEntries(CORRECTABLE_FIELDS.map((f) => [f, fieldText.optional()])))
    .partial()
    .optional()
    .describe('改为的值（文字，与目录审核表的“改为…”列写法相同；“无”表示清空）'),
  document: z.string().max(300).optional().describe('新增指标所在的文件（发文字号或标题）'),
  quote: z.string().max(5000).optional().describe('新增指标的原文（从政策文件中原样复制）'),
  note: z.string().max(2000).optional(),
});

export const CatalogueCorrectionsBody = z.object({
  corrections: z.array(CatalogueCorrection).min(1).max(5000),
  roundId: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('同时让该轮次改用新版本目录（仅限尚无单位报送的轮次）'),
});

export const CatalogueRevised = CatalogueSummary.extend({
  previousId: z.number().int().describe('被修正的目录版本'),
  applied: z.number().int(),
  roundId: z.number().int().nullable().describe('已改用新版本的轮次'),
});

export const RosterRead = z.object({
  file: z.string(),
  offices: z.array(RosterEntry.extend({ line: z.number().int().describe('名单中的行号') })),
  problems: z
    .array(z.object({ line: z.number().int(), message: z.string() }))
    .describe('已跳过的行及原因（其余各行仍可用）'),
  csv: z.string().describe('名单的 CSV 全文：新建轮次时作为 rosterCsv 提交'),
});

export const RoundAllocation = z.object({
  allocation: z.unknown().nullable().describe('分解下达（核心的 Allocation 类型）；未分解为 null'),
  targets: z.number().int().describe('分解到单位的指标数'),
  shares: z.number().int().describe('单位分解值的个数'),
});

/** report.json's fields (Chinese keys), checked by the report core's reader when saved. */
const ReportSettings = z
  .record(z.string(), z.unknown())
  .describe(
    'report.json 的字段：发文机关、主送机关、署名、文号、签发人、成文日期、版头、版记 {抄送, 印发机关, 印发日期} 等',
  );
export const ReportSettingsBody = z.object({ settings: ReportSettings });
export const ReportSettingsAnswer = z.object({ settings: ReportSettings });

export const ReportPreview = z.object({
  available: z.boolean().describe('false：服务器没有安装 LibreOffice 或 poppler，reason 说明原因'),
  reason: z.string().nullable(),
  version: z.string().nullable().describe('报告版本（内容变化时改变）；页面图像按版本缓存'),
  pages: z.number().int(),
});
