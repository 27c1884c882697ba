import type { KnownAuditAction } from '../api/audit';
import type { MessageLang, MessageTemplate } from './message';

/** The audit log's actions in words, both languages (the screen and the log's export). */
export const AUDIT_ACTION_TEXT: Readonly<
  Record<KnownAuditAction, MessageTemplate>
> = {
  'auth.login': { zh: '登录', en: 'Signed in' },
  'auth.login_failed': { zh: '登录失败', en: 'Sign-in failed' },
  'auth.logout': { zh: '退出登录', en: 'Signed out' },
  'auth.password_changed': { zh: '修改密码', en: 'Changed password' },
  'user.created': { zh: '创建用户', en: 'Created a user' },
  'user.disabled': { zh: '停用用户', en: 'Disabled a user' },
  'user.enabled': { zh: '启用用户', en: 'Enabled a user' },
  'user.password_reset': { zh: '重置用户密码', en: "Reset a user's password" },
  'import.completed': { zh: '数据导入完成', en: 'Import completed' },
  'import.failed': { zh: '数据导入未通过', en: 'Import refused' },
  'run.triggered': { zh: '发起评估', en: 'Started a run' },
  'run.published': { zh: '发布评估结果', en: 'Published a run' },
  'scheme.version_created': {
    zh: '新建方案版本',
    en: 'Created a scheme version',
  },
  'application.submitted': {
    zh: '提交认定申请',
    en: 'Submitted an application',
  },
  'application.withdrawn': {
    zh: '撤回认定申请',
    en: 'Withdrew an application',
  },
  'certification.created': {
    zh: '新建认定年度',
    en: 'Created a certification year',
  },
  'certification.window_opened': { zh: '开放申报', en: 'Opened applications' },
  'certification.window_closed': { zh: '截止申报', en: 'Closed applications' },
  'certification.evaluated': { zh: '认定评估', en: 'Evaluated the year' },
  'certification.published': { zh: '发布认定名单', en: 'Published the list' },
  'decision.recorded': { zh: '录入认定决定', en: 'Recorded a decision' },
  'export.downloaded': { zh: '导出数据', en: 'Downloaded an export' },
};

/** Names of the detail fields features record; an unknown field keeps its own name. */
export const AUDIT_DETAIL_KEYS: Readonly<Record<string, MessageTemplate>> = {
  username: { zh: '用户名', en: 'username' },
  role: { zh: '角色', en: 'role' },
  period: { zh: '报告期', en: 'period' },
  schemeId: { zh: '方案', en: 'scheme' },
  schemeVersion: { zh: '方案版本', en: 'scheme version' },
  rows: { zh: '行数', en: 'rows' },
  export: { zh: '导出内容', en: 'export' },
  format: { zh: '格式', en: 'format' },
  reason: { zh: '原因', en: 'reason' },
  resubmitted: { zh: '重新提交', en: 'resubmitted' },
  year: { zh: '年度', en: 'year' },
  decision: { zh: '决定', en: 'decision' },
  code: { zh: '机构', en: 'unit' },
  batchId: { zh: '导入批次', en: 'import batch' },
  errors: { zh: '错误数', en: 'errors' },
  counts: { zh: '记录数', en: 'counts' },
};

/** An action in words; an action added later without a text shows its code. */
export function auditActionText(action: string, lang: MessageLang): string {
  const t = (AUDIT_ACTION_TEXT as Record<string, MessageTemplate>)[action];
  return t ? (lang === 'en' ? t.en : t.zh) : action;
}

function valueText(v: unknown, lang: MessageLang): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean')
    return lang === 'en' ? (v ? 'yes' : 'no') : v ? '是' : '否';
  if (Array.isArray(v)) return v.map((x) => valueText(x, lang)).join(', ');
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k} ${valueText(x, lang)}`)
      .join(', ');
  }
  return String(v);
}

/** A detail object in words: `报告期 2025Q4；方案版本 3` / `period 2025Q4; scheme version 3`. */
export function auditDetailText(
  detail: Record<string, unknown> | null | undefined,
  lang: MessageLang,
): string {
  if (!detail) return '';
  const sep = lang === 'en' ? '; ' : '；';
  return Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => {
      const name = AUDIT_DETAIL_KEYS[k];
      return `${name ? (lang === 'en' ? name.en : name.zh) : k} ${valueText(v, lang)}`;
    })
    .join(sep);
}
