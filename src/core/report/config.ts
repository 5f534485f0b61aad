/**
 * report.json: what differs from one report to the next (who sends it, to whom, when, fonts).
 * The file uses Chinese keys because report writers edit it; the code uses the English fields of
 * ReportConfig. Errors name report.json and the field in Chinese.
 */
import { halfWidth } from '../text/width.js';
import { z } from 'zod';
import { LuoshiError } from '../errors.js';

export type FontProfile = 'gov' | 'windows';

/** The 版头 (GB/T 9704 7.2) as report.json asks for it; 发文字号 and 签发人 are fields of their own. */
export interface Letterhead {
  /** 发文机关标志 (7.2.4), e.g. "吉林省发展和改革委员会文件"; null: the 发文机关 followed by "文件". */
  mark: string | null;
  /** 份号 (7.2.1): six digits. */
  copyNumber: string | null;
  /** 密级和保密期限 (7.2.2), e.g. "机密★1年". */
  secrecy: string | null;
  /** 紧急程度 (7.2.3): 特急 or 加急. */
  urgency: string | null;
}

export interface ReportConfig {
  /** 发文机关, e.g. "长春市人民政府". Used in the title and as the default 署名. */
  issuer: string | null;
  /** 主送机关, e.g. "省人民政府". */
  recipient: string | null;
  /** 署名; defaults to issuer. */
  signature: string | null;
  /** 成文日期 as ISO "YYYY-MM-DD"; defaults to the day the report is generated (never before the data). */
  date: string | null;
  /** Full title; replaces the generated one. */
  title: string | null;
  /** 发文字号, normalised to 〔YYYY〕N号. */
  docNumber: string | null;
  /** 版记; null leaves it out. */
  colophon: { copyTo: string[]; printer: string | null; printDate: string | null } | null;
  fonts: FontProfile;
  /** 附件表 page orientation: auto turns landscape only when the columns do not fit upright. */
  attachmentOrientation: 'auto' | 'portrait' | 'landscape';
  /** 序时进度 (0–1) override; else the share of the year elapsed at the end of the reporting period. */
  timeShare: number | null;
  /** 重点指标: target ids or indicator names for the office comparison table. */
  keyTargets: string[];
  /** 报告期 label override, e.g. "2025年1-9月". */
  period: string | null;
  /** 签发人 (GB/T 9704 7.2.6, for a report sent upward), printed in the 版头. */
  signer: string | null;
  /** The 版头 (发文机关标志, 发文字号, 签发人, red rule; GB/T 9704 7.2); null: none. */
  letterhead: Letterhead | null;
  /** Settings of their own for the office report and the consolidated report (“单位报告”, “汇总报告”). */
  kinds?: { single?: ReportConfig; multi?: ReportConfig };
}

/** The settings for one kind of report: its own section of report.json over the common fields. */
export function configFor(config: ReportConfig, kind: 'single' | 'multi'): ReportConfig {
  return config.kinds?.[kind] ?? config;
}

export const DEFAULT_REPORT_CONFIG: ReportConfig = {
  issuer: null,
  recipient: null,
  signature: null,
  date: null,
  title: null,
  docNumber: null,
  colophon: null,
  fonts: 'gov',
  attachmentOrientation: 'auto',
  timeShare: null,
  keyTargets: [],
  period: null,
  signer: null,
  letterhead: null,
};

/** Longest text a field may hold: a 2号 title has at most a few 20-character lines (longer ones are mistakes). */
const MAX_FIELD_CHARS = 200;
const text = z.string().trim().min(1).max(MAX_FIELD_CHARS);
const dateText = z.string().trim().min(1);
/**
 * Most 抄送 organs a 版记 lists: it sits at the foot of the last page (GB/T 9704 7.4.2), and a few
 * thousand would take LibreOffice minutes to lay out when the report is fitted.
 */
export const MAX_COPY_TO = 100;

/** The fields that differ between the office report and the consolidated report. */
const issuerFields = {
  发文机关: text.optional(),
  主送机关: text.optional(),
  署名: text.optional(),
  成文日期: dateText.optional(),
  标题: text.optional(),
  文号: text.optional(),
  签发人: text.optional(),
  版头: z
    .union([
      z.boolean(),
      z
        .object({
          发文机关标志: text.optional(),
          份号: z
            .union([
              z.number().int().min(1).max(999999),
              z
                .string()
                .trim()
                .regex(/^\d{1,6}$/),
            ])
            .optional(),
          密级: z
            .string()
            .trim()
            .regex(/^(绝密|机密|秘密)(★.{1,20})?$/)
            .optional(),
          紧急程度: z.enum(['特急', '加急']).optional(),
        })
        .strict(),
    ])
    .optional(),
  版记: z
    .object({
      抄送: z.union([text, z.array(text)]).optional(),
      印发机关: text.optional(),
      印发日期: dateText.optional(),
    })
    .strict()
    .optional(),
};

const kindSchema = z.object(issuerFields).strict();

const schema = z
  .object({
    ...issuerFields,
    单位报告: kindSchema.optional(),
    汇总报告: kindSchema.optional(),
    字体: z.enum(['gov', 'windows', '公文字体', 'Windows字体']).optional(),
    附件表方向: z.enum(['auto', 'portrait', 'landscape', '自动', '纵向', '横向']).optional(),
    序时进度: z.union([z.number().min(0).max(100), z.string().trim().min(1)]).optional(),
    重点指标: z.array(text).optional(),
    报告期: text.optional(),
  })
  .strict();

const FIELD_HINTS: Record<string, string> = {
  字体: '应为 "gov"（仿宋_GB2312 等公文字体）或 "windows"（Windows 自带的仿宋、楷体）',
  附件表方向: '应为 "auto"、"portrait"（纵向）或 "landscape"（横向）',
  序时进度: '应为 0–100 之间的百分数，如 75 或 "75%"',
  重点指标: '应为指标编号或指标名称的列表，如 ["T001", "T002"]',
  抄送: '应为文字或文字列表',
  版头: '应为 true（印版头）、false，或 { "发文机关标志", "份号", "密级", "紧急程度" }',
  份号: '应为 1–6 位数字，如 "000001"',
  密级: '应为“绝密”“机密”或“秘密”，可加保密期限，如“机密★1年”',
  紧急程度: '应为“特急”或“加急”',
};

/** Parse "2025-03-05", "2025/3/5" or "2025年3月5日" into ISO; null if it is not a real date. */
export function parseDateText(s: string): string | null {
  const t = halfWidth(s).trim();
  const m = t.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 2025-03-05 → 2025年3月5日 (GB/T 9704 7.3.5.4: Arabic numerals, no leading zeros). */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Normalise a 发文字号 to 〔YYYY〕N号 (GB/T 9704 7.2.5); throws when it cannot. */
function normaliseDocNumber(raw: string, file: string): string {
  const t = halfWidth(raw).replace(/\s+/g, '');
  const m = t.match(/^(.*?)[〔[【（(［](\d{4})[〕\]】）)］]第?0*([1-9]\d*)号$/);
  if (!m || !m[1]) {
    throw new LuoshiError('report-config', `${file} 中“文号”写法不对：“${raw}”，应如“长政报〔2025〕3号”`, {
      file,
    });
  }
  return `${m[1]}〔${m[2]}〕${m[3]}号`;
}

function toDate(value: string | undefined, field: string, file: string): string | null {
  if (value === undefined) return null;
  const iso = parseDateText(value);
  if (!iso) {
    throw new LuoshiError(
      'report-config',
      `${file} 中“${field}”不是有效日期：“${value}”，应如“2025年3月5日”或“2025-03-05”`,
      { file },
    );
  }
  return iso;
}

function parseShare(v: number | string | undefined, file: string): number | null {
  if (v === undefined) return null;
  const n = typeof v === 'number' ? v : Number(v.replace(/[%％]\s*$/, ''));
  if (!Number.isFinite(n) || n < 0 || n > 100) {
    throw new LuoshiError(
      'report-config',
      `${file} 中“序时进度”${FIELD_HINTS['序时进度']}，现为“${String(v)}”`,
      { file },
    );
  }
  return n / 100;
}

/**
 * The issue to name: for a value of a union (版头 is true or an object, 抄送 text or a list), the one
 * inside the branch the value was written for (版头.紧急程度), not "matches no branch" at the union.
 */
function meantIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union') return issue;
  const wrongType = (errs: z.core.$ZodIssue[]) =>
    errs.length === 1 && errs[0].code === 'invalid_type' && errs[0].path.length === 0;
  const inner = issue.errors.find((errs) => !wrongType(errs))?.[0];
  return inner ? meantIssue({ ...inner, path: [...issue.path, ...inner.path] }) : issue;
}

/**
 * Read report.json text into a ReportConfig. `file` is the name used in messages.
 * Unknown keys are refused, so a misspelt field does not silently do nothing.
 */
export function parseReportConfig(json: string, file = 'report.json'): ReportConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (e) {
    const msg = (e as Error).message;
    throw new LuoshiError('report-config', `${file} 不是有效的 JSON：${msg}`, { file });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = meantIssue(parsed.error.issues[0]);
    const field = issue.path.map(String).join('.');
    const last = String(issue.path[issue.path.length - 1] ?? '');
    let what: string;
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue as { keys?: string[] }).keys ?? [];
      const at = field ? `“${field}”中` : '';
      what = `${at}有未知字段 ${keys.map((k) => `“${k}”`).join('、')}（可用字段见 templates/report.json 示例）`;
    } else if (!field) {
      what = '内容应为一个 JSON 对象 {…}';
    } else {
      // "Too long" is about text only: a number out of range (序时进度 101, 份号 0) gets the field's own hint.
      const hint =
        issue.code === 'too_big' && issue.origin === 'string'
          ? `太长，不能超过 ${MAX_FIELD_CHARS} 个字`
          : (FIELD_HINTS[last] ?? (issue.code === 'too_small' ? '不能为空' : '应为文字'));
      what = `字段“${field}”${hint}`;
    }
    throw new LuoshiError('report-config', `${file} 有误：${what}`, { file });
  }
  const base = toConfig(parsed.data, file);
  const { 单位报告: single, 汇总报告: multi, ...common } = parsed.data;
  if (!single && !multi) return base;
  const kinds: ReportConfig['kinds'] = {};
  if (single) kinds.single = toConfig({ ...common, ...single }, file);
  if (multi) kinds.multi = toConfig({ ...common, ...multi }, file);
  return { ...base, kinds };
}

function toConfig(c: z.infer<typeof schema>, file: string): ReportConfig {
  const copyTo = c.版记?.抄送 === undefined ? [] : Array.isArray(c.版记.抄送) ? c.版记.抄送 : [c.版记.抄送];
  if (copyTo.length > MAX_COPY_TO)
    throw new LuoshiError('report-config', `${file} 有误：字段“版记.抄送”最多列 ${MAX_COPY_TO} 个单位`, {
      file,
    });
  const fonts: FontProfile = c.字体 === 'windows' || c.字体 === 'Windows字体' ? 'windows' : 'gov';
  const orient = c.附件表方向;
  return {
    issuer: c.发文机关 ?? null,
    recipient: c.主送机关 ?? null,
    signature: c.署名 ?? null,
    date: toDate(c.成文日期, '成文日期', file),
    title: c.标题 ?? null,
    docNumber: c.文号 === undefined ? null : normaliseDocNumber(c.文号, file),
    colophon: c.版记
      ? {
          copyTo,
          printer: c.版记.印发机关 ?? null,
          printDate: toDate(c.版记.印发日期, '版记.印发日期', file),
        }
      : null,
    fonts,
    attachmentOrientation:
      orient === 'landscape' || orient === '横向'
        ? 'landscape'
        : orient === 'portrait' || orient === '纵向'
          ? 'portrait'
          : 'auto',
    timeShare: parseShare(c.序时进度, file),
    keyTargets: c.重点指标 ?? [],
    period: c.报告期 ?? null,
    signer: c.签发人 ?? null,
    letterhead: toLetterhead(c.版头),
  };
}

function toLetterhead(v: z.infer<typeof schema>['版头']): Letterhead | null {
  if (!v) return null;
  const o = v === true ? {} : v;
  return {
    mark: o.发文机关标志 ?? null,
    copyNumber: o.份号 === undefined ? null : String(o.份号).padStart(6, '0'),
    secrecy: o.密级 ?? null,
    urgency: o.紧急程度 ?? null,
  };
}
