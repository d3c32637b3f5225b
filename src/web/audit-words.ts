import type { AuditAction, AuditEntity } from '../contract/enums';
import { formatChinaTime, isIsoInstant } from './format';

/**
 * Audit actions and objects in words (创建单位, 签发意见, 登录), in both languages; the raw code
 * stays on hover. Every code the server writes (domain/audit-actions.ts) must be here: the
 * types say so and audit-words.test.ts checks it. Codes of older events not listed are shown
 * as they are.
 */
type Words = { zh: string; en: string };

export const AUDIT_ACTION_WORDS: Record<AuditAction, Words> = {
  'session.login': { zh: '登录', en: 'Signed in' },
  'session.login_failed': { zh: '登录失败', en: 'Failed sign-in' },
  'session.totp_failed': { zh: '动态口令错误', en: 'Wrong one-time code' },
  'session.logout': { zh: '退出登录', en: 'Signed out' },
  'session.logout_everywhere': { zh: '退出所有设备', en: 'Signed out everywhere' },
  'user.create': { zh: '创建账号', en: 'Added an account' },
  'user.update': { zh: '修改账号', en: 'Changed an account' },
  'user.password.reset': { zh: '重置密码', en: 'Reset a password' },
  'user.password.change': { zh: '修改密码', en: 'Changed own password' },
  'user.locale': { zh: '切换语言', en: 'Chose a language' },
  'user.totp.enrol': { zh: '登记动态口令', en: 'Enrolled a second factor' },
  'user.totp.enable': { zh: '启用动态口令', en: 'Turned on the second factor' },
  'user.totp.disable': { zh: '停用动态口令', en: 'Turned off the second factor' },
  'user.totp.reset': { zh: '重置动态口令', en: 'Reset a second factor' },
  'unit.create': { zh: '创建单位', en: 'Added a unit' },
  'unit.update': { zh: '修改单位', en: 'Changed a unit' },
  'unit.import': { zh: '导入单位', en: 'Imported units' },
  'audit.key_rotated': { zh: '更换审计密钥', en: 'Rotated the audit key' },
  'demo.load': { zh: '载入演示数据', en: 'Loaded the demo' },
  'plan.import': { zh: '导入工作要点', en: 'Imported a plan' },
  'plan.reparse': { zh: '重新识别', en: 'Parsed again' },
  'plan.fact.update': { zh: '校正识别结果', en: 'Corrected a parsed fact' },
  'plan.fact.remove': { zh: '删除识别结果', en: 'Removed a parsed fact' },
  'plan.fact.add': { zh: '补充识别结果', en: 'Added a fact' },
  'plan.version.create': { zh: '新增版本', en: 'Added a version' },
  'plan.version.final': { zh: '定稿', en: 'Marked a version final' },
  'plan.change.link': { zh: '关联修改与意见', en: 'Linked a change to opinions' },
  'plan.warning.check': { zh: '核对解析提示', en: 'Checked a parser warning' },
  'plan.warning.uncheck': { zh: '撤销核对解析提示', en: 'Unchecked a parser warning' },
  'plan.quote.resolve': { zh: '处理失效引文', en: 'Resolved a lost quote' },
  'plan.quote.reopen': { zh: '重新打开失效引文', en: 'Reopened a lost quote' },
  'plan.publish': { zh: '印发', en: 'Published a plan' },
  'plan.light_rules': { zh: '设置亮灯规则', en: 'Set the light rules' },
  'plan.progress.publish': { zh: '公开工作进展', en: "Published a plan's progress" },
  'plan.progress.unpublish': { zh: '撤回公开工作进展', en: "Withdrew a plan's published progress" },
  'consultation.open': { zh: '发起征求意见', en: 'Opened a consultation' },
  'consultation.extend': { zh: '延长截止日期', en: 'Extended a deadline' },
  'consultation.close': { zh: '结束征求意见', en: 'Closed a consultation' },
  'consultation.remind': { zh: '催办', en: 'Sent reminders' },
  'consultation.remind.auto': { zh: '自动催办', en: 'Sent automatic reminders' },
  'consultation.publish': { zh: '公开采纳情况', en: 'Published the outcome' },
  'reply.draft': { zh: '起草反馈', en: 'Drafted a reply' },
  'reply.update': { zh: '修改反馈', en: 'Edited a reply' },
  'reply.submit': { zh: '提交签发', en: 'Submitted for sealing' },
  'reply.return': { zh: '退回反馈', en: 'Returned a reply' },
  'reply.seal': { zh: '签发意见', en: 'Sealed a reply' },
  'reply.withdraw': { zh: '撤回反馈', en: 'Withdrew a reply' },
  'opinion.decide': { zh: '处理意见', en: 'Decided opinions' },
  'notification.read': { zh: '阅读通知', en: 'Read notices' },
  'task.add': { zh: '新增任务', en: 'Added a task' },
  'task.add_local': { zh: '新增本地任务', en: 'Added a local measure' },
  'task.update': { zh: '修改任务', en: 'Changed a task' },
  'task.split': { zh: '拆分任务', en: 'Split a task' },
  'task.merge': { zh: '合并任务', en: 'Merged tasks' },
  'task.acknowledge': { zh: '签收任务', en: 'Acknowledged a task' },
  'task.acknowledge.record': { zh: '代为签收', en: 'Recorded an acknowledgement' },
  'task.acknowledge.remind': { zh: '催签收', en: 'Reminded to acknowledge' },
  'task.acknowledge.remind.auto': { zh: '自动催签收', en: 'Reminded to acknowledge (automatic)' },
  'task.light.override': { zh: '人工调整亮灯', en: 'Set a light by hand' },
  'task.close': { zh: '销号', en: 'Closed a task' },
  'task.reopen': { zh: '恢复任务', en: 'Reopened a task' },
  'attachment.add': { zh: '上传佐证材料', en: 'Attached evidence' },
  'attachment.remove': { zh: '删除佐证材料', en: 'Removed evidence' },
  'round.open': { zh: '开始调度', en: 'Opened a round' },
  'report.save': { zh: '填写报送', en: 'Wrote a report' },
  'report.submit': { zh: '签发报送', en: 'Sealed a report' },
  'report.submit.batch': { zh: '批量签发报送', en: 'Sealed reports at once' },
  'report.record': { zh: '录入报送', en: 'Recorded reports' },
  'report.accept': { zh: '审核通过', en: 'Accepted a report' },
  'report.return': { zh: '退回报送', en: 'Returned a report' },
  'notice.issue': { zh: '发出督办', en: 'Issued a notice' },
  'notice.answer': { zh: '答复督办', en: 'Answered a notice' },
  'notice.close': { zh: '督办销号', en: 'Closed a notice' },
  'indicator.create': { zh: '新增指标', en: 'Added an indicator' },
  'indicator.allocate': { zh: '分解指标', en: 'Allocated an indicator' },
  'indicator.values.set': { zh: '填报指标值', en: 'Entered indicator values' },
  'indicator.values.import': { zh: '导入指标值', en: 'Imported indicator values' },
  'indicator.publish': { zh: '公开指标', en: 'Published an indicator' },
  'indicator.unpublish': { zh: '撤回公开指标', en: 'Unpublished an indicator' },
  'register.create': { zh: '创建专项台账', en: 'Added a register' },
  'register.define': { zh: '修改台账定义', en: 'Changed a register’s definition' },
  'register.edit': { zh: '修改台账数据', en: 'Edited register rows' },
  'register.import': { zh: '导入台账数据', en: 'Imported register rows' },
  'register.evaluation': { zh: '年度评价', en: 'Evaluated a year' },
  'register.publish': { zh: '公开台账', en: 'Published a register' },
  'evaluation.open': { zh: '开始年度评价', en: 'Opened an evaluation' },
  'evaluation.score': { zh: '评分', en: 'Scored an evaluation' },
  'evaluation.scores.import': { zh: '导入评分', en: 'Imported evaluation scores' },
};

export const AUDIT_ENTITY_WORDS: Record<AuditEntity, Words> = {
  user: { zh: '账号', en: 'Account' },
  unit: { zh: '单位', en: 'Unit' },
  registry: { zh: '单位名录', en: 'Registry' },
  audit_key: { zh: '审计密钥', en: 'Audit key' },
  plan: { zh: '工作要点', en: 'Plan' },
  consultation: { zh: '征求意见', en: 'Consultation' },
  reply: { zh: '反馈', en: 'Reply' },
  opinion: { zh: '意见', en: 'Opinion' },
  notification: { zh: '通知', en: 'Notice' },
  task: { zh: '任务', en: 'Task' },
  round: { zh: '调度', en: 'Round' },
  report: { zh: '报送', en: 'Report' },
  notice: { zh: '督办', en: 'Supervision notice' },
  indicator: { zh: '指标', en: 'Indicator' },
  register: { zh: '专项台账', en: 'Register' },
  register_change: { zh: '台账变更', en: 'Register change' },
  register_evaluation: { zh: '年度评价', en: 'Evaluation' },
  register_snapshot: { zh: '台账公开版本', en: 'Published register' },
};

/** Detail keys people meet most, in words; others are shown as their key. */
const DETAIL_WORDS: Record<string, Words> = {
  unitId: { zh: '单位', en: 'Unit' },
  ownerUnitId: { zh: '主办单位', en: 'Owning unit' },
  levelUnitId: { zh: '所属层级', en: 'Level' },
  userId: { zh: '账号', en: 'Account' },
  planId: { zh: '工作要点', en: 'Plan' },
  consultationId: { zh: '征求意见', en: 'Consultation' },
  taskId: { zh: '任务', en: 'Task' },
  parentTaskId: { zh: '上级任务', en: 'Parent task' },
  roundId: { zh: '调度', en: 'Round' },
  registerId: { zh: '专项台账', en: 'Register' },
  attachmentId: { zh: '附件', en: 'Attachment' },
  opinionIds: { zh: '意见', en: 'Opinions' },
  login: { zh: '账号', en: 'Login' },
  displayName: { zh: '姓名', en: 'Name' },
  role: { zh: '角色', en: 'Role' },
  email: { zh: '电子邮箱', en: 'E-mail' },
  ip: { zh: 'IP 地址', en: 'IP address' },
  reason: { zh: '原因', en: 'Reason' },
  title: { zh: '标题', en: 'Title' },
  name: { zh: '名称', en: 'Name' },
  version: { zh: '版本', en: 'Version' },
  filename: { zh: '文件名', en: 'File name' },
  deadline: { zh: '截止日期', en: 'Deadline' },
  dueDate: { zh: '报送期限', en: 'Due date' },
  algorithm: { zh: '签章算法', en: 'Algorithm' },
  keyId: { zh: '密钥编号', en: 'Key id' },
  signature: { zh: '签名', en: 'Signature' },
  late: { zh: '逾期', en: 'Late' },
  noOpinion: { zh: '无意见', en: 'No opinion' },
  opinions: { zh: '意见条数', en: 'Opinions' },
  comment: { zh: '说明', en: 'Comment' },
  units: { zh: '单位', en: 'Units' },
  recipients: { zh: '征求对象', en: 'Recipients' },
  count: { zh: '数量', en: 'Count' },
  rows: { zh: '行数', en: 'Rows' },
  status: { zh: '状态', en: 'Status' },
  from: { zh: '原值', en: 'From' },
  to: { zh: '新值', en: 'To' },
  before: { zh: '修改前', en: 'Before' },
  after: { zh: '修改后', en: 'After' },
  changes: { zh: '修改内容', en: 'Changes' },
  locale: { zh: '语言', en: 'Language' },
  level: { zh: '层级', en: 'Level' },
  year: { zh: '年度', en: 'Year' },
  batch: { zh: '批次', en: 'Batch' },
  publishedAt: { zh: '公开时间', en: 'Published at' },
  closedAt: { zh: '结束时间', en: 'Closed at' },
  mustChange: { zh: '须修改密码', en: 'Must change password' },
  stage: { zh: '阶段', en: 'Stage' },
  light: { zh: '亮灯', en: 'Light' },
  show: { zh: '公开内容', en: 'Shown' },
  warnings: { zh: '识别提示', en: 'Parser notes' },
};

const pick = (words: Words | undefined, code: string, language: string) => (words ? words[language === 'en' ? 'en' : 'zh'] : code);

export function auditAction(code: string, language: string): string {
  return pick((AUDIT_ACTION_WORDS as Record<string, Words>)[code], code, language);
}

export function auditEntity(code: string, language: string): string {
  return pick((AUDIT_ENTITY_WORDS as Record<string, Words>)[code], code, language);
}

export interface DetailLine {
  key: string;
  /** The key in words (the key itself when it has none). */
  label: string;
  /** The value as people read it: a name for an id, China time for an instant. */
  value: string;
  /** The raw value, on hover, where the shown one differs from it. */
  raw?: string;
}

const MAX_VALUE = 400;

function plain(value: unknown, language: string, depth = 0): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return language === 'en' ? (value ? 'yes' : 'no') : value ? '是' : '否';
  if (isIsoInstant(value)) return formatChinaTime(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => plain(v, language, depth + 1)).join(language === 'en' ? ', ' : '、');
  if (typeof value === 'object') {
    if (depth > 2) return JSON.stringify(value);
    const parts = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${detailLabel(k, language)}: ${plain(v, language, depth + 1)}`);
    return parts.length === 0 ? '—' : depth === 0 ? parts.join('; ') : `(${parts.join('; ')})`;
  }
  return String(value as string);
}

function detailLabel(key: string, language: string): string {
  return pick(DETAIL_WORDS[key], key, language);
}

/** Long text is cut; a signature, hash or token is shown by its ends (the whole on hover). */
function clip(text: string): string {
  if (text.length > 32 && /^[A-Za-z0-9+/=_-]+$/.test(text)) return `${text.slice(0, 12)}…${text.slice(-6)}`;
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

/** An event's detail as key: value lines in words, names in place of ids (from the API's `names`). */
/** Values that are codes themselves, in words. */
const VALUE_WORDS: Record<string, Record<string, string>> = {
  algorithm: { sm2: 'SM2', ed25519: 'Ed25519' },
};

export function auditDetailLines(detail: unknown, names: Record<string, string>, language: string): DetailLine[] {
  if (detail === null || detail === undefined) return [];
  if (typeof detail !== 'object' || Array.isArray(detail)) return [{ key: '', label: '', value: clip(plain(detail, language)) }];
  return Object.entries(detail as Record<string, unknown>).map(([key, value]) => {
    const name = names[key] ?? (typeof value === 'string' ? VALUE_WORDS[key]?.[value] : undefined);
    const shown = name !== undefined ? name : clip(plain(value, language));
    const raw = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
    return { key, label: detailLabel(key, language), value: shown, ...(raw !== undefined && raw !== shown && { raw }) };
  });
}
