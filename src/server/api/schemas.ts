/**
 * JSON shapes of the server API: request bodies are validated with these schemas, and the OpenAPI
 * description (/api/openapi.json) is generated from them, so the contract and the code cannot drift.
 */
import { z } from 'zod';

export const ROLES = ['admin', 'reviewer', 'office'] as const;
export type Role = (typeof ROLES)[number];
/** What a user sees for each role. */
export const ROLE_LABELS: Record<Role, string> = { admin: '管理员', reviewer: '审核员', office: '填报单位' };

export const SUBMISSION_STATES = ['已报送', '已退回', '已采用'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

/** Every error response: a Chinese sentence for the user plus a stable machine code. */
export const ErrorBody = z
  .object({
    error: z.string().describe('中文说明，可直接显示给用户'),
    code: z.string().describe('稳定的机器可读代码，如 not-signed-in、csrf、check-errors'),
  })
  .loose();

const text = (max: number) => z.string().trim().min(1).max(max);

export const LoginBody = z.object({
  username: text(100),
  password: z.string().min(1).max(200),
  client: z
    .enum(['web', 'addin'])
    .optional()
    .describe(
      '"addin"：Excel 加载项登录，应答另带 token，之后以 Authorization: Bearer <token> 访问（无需 X-CSRF-Token）',
    ),
});
export const PasswordBody = z.object({
  oldPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200).describe('至少 10 个字符'),
});

export const User = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  office: z.string().nullable().describe('填报单位账号所属单位；管理员、审核员为 null'),
  mustChangePassword: z.boolean(),
});
export const SessionInfo = z.object({
  user: User,
  csrfToken: z.string().describe('之后所有修改类请求（POST/PUT/DELETE）须在请求头 X-CSRF-Token 中带上'),
  token: z
    .string()
    .optional()
    .describe(
      '会话令牌：仅在以 "client": "addin" 登录、或以 Bearer 令牌修改密码时给出；以 Authorization: Bearer <token> 使用',
    ),
});

export const NewStaffBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{2,40}$/, '用户名只能用 2–40 个字母、数字、_ . -'),
  displayName: text(50),
  role: z.enum(['admin', 'reviewer']),
});
export const NewPassword = z.object({
  user: User,
  password: z.string().describe('一次性初始密码，只显示这一次'),
});

export const CatalogueSummary = z.object({
  id: z.number().int(),
  version: z.string(),
  documents: z.array(z.object({ id: z.string(), title: z.string(), docNumber: z.string().nullable() })),
  targets: z.number().int(),
  tasks: z.number().int(),
  createdAt: z.string(),
});

export const CatalogueCreated = CatalogueSummary.extend({
  warnings: z.array(z.string()).describe('生成目录时的提醒'),
});

export const RosterEntry = z.object({
  office: z.string(),
  level: z.string().nullable(),
  contact: z.string().nullable(),
  phone: z.string().nullable(),
  documents: z.array(z.string()),
  units: z.array(z.string()),
});

export const NewRoundBody = z.object({
  name: text(100).describe('轮次名称，如“2025年度落实情况”'),
  catalogueId: z.number().int().positive(),
  period: text(40).describe('填报期间，与填报表中的期间一致，如“2025年度”'),
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '截止日期应为 YYYY-MM-DD')
    .nullable()
    .optional(),
  rosterCsv: z
    .string()
    .min(1)
    .max(2_000_000)
    .describe('报送单位名单 CSV 全文（第一列“单位”，可有 联系人、电话、文件、责任单位）'),
  allocation: z.unknown().optional().describe('分解下达（核心的 Allocation 类型，原样保存）'),
});

export const Round = z.object({
  id: z.number().int(),
  name: z.string(),
  catalogueId: z.number().int(),
  catalogueVersion: z.string(),
  period: z.string(),
  deadline: z.string().nullable(),
  createdAt: z.string(),
  offices: z.number().int().describe('名单中的单位数'),
});

export const SubmissionSummary = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  office: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  state: z.enum(SUBMISSION_STATES),
  errors: z.number().int(),
  warnings: z.number().int(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  remoteAddr: z.string().nullable(),
});

export const OfficeStatus = RosterEntry.extend({
  username: z.string().nullable().describe('该单位的账号；未开通为 null'),
  latest: SubmissionSummary.nullable().describe('该单位在本轮最近一次报送；未报送为 null'),
});

export const RoundDetail = z.object({ round: Round, offices: z.array(OfficeStatus) });

export const ProblemJson = z.object({
  severity: z.enum(['error', 'warning']),
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  targetId: z.string().nullable(),
  message: z.string(),
  code: z.string(),
});

export const IntakeRefusal = ErrorBody.extend({
  problems: z.array(ProblemJson),
  needsConfirmation: z.boolean().describe('true：只有警告，确认后（confirm=true）重新提交即可'),
});

export const IntakeAccepted = z.object({ submission: SubmissionSummary, problems: z.array(ProblemJson) });

export const Comment = z.object({
  id: z.number().int(),
  submissionId: z.number().int(),
  author: z.string(),
  body: z.string(),
  targetId: z.string().nullable(),
  createdAt: z.string(),
});
export const CommentBody = z.object({
  body: text(2000),
  targetId: z.string().max(100).nullable().optional(),
});
export const ReviewBody = z.object({ comment: z.string().trim().max(2000).optional() });
export const ReturnBody = z.object({ comment: text(2000).describe('退回理由（必填，单位可见）') });

export const SubmissionDetail = z.object({
  submission: SubmissionSummary,
  problems: z.array(ProblemJson),
  entries: z
    .array(z.record(z.string(), z.unknown()))
    .describe('填报内容（同 luoshi check --json 的 entries）'),
  comments: z.array(Comment),
});

export const AccountRow = z.object({
  office: z.string(),
  username: z.string(),
  password: z.string().nullable(),
});
export const AccountsBody = z.object({
  reset: z.boolean().optional().describe('true：已有账号的单位也重新生成初始密码'),
});

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  object: z.string(),
  detail: z.unknown(),
  remoteAddr: z.string().nullable(),
});

export const AddinCatalogue = z.object({
  round: Round,
  office: z.string(),
  catalogue: z.unknown().describe('完整的 catalogue.json'),
  targetIds: z
    .array(z.string())
    .describe('本单位填报的指标（按名单的文件、责任单位筛选，与下发的填报表一致）'),
  taskIds: z.array(z.string()),
  allocation: z.unknown().nullable(),
});

export const Health = z.object({
  ok: z.boolean(),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
