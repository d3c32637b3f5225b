/**
 * Audit actions and objects in words (创建单位, 签发意见, 登录), in both languages; the raw code
 * stays on hover. Codes not listed here are shown as they are.
 */
const ACTIONS: Record<string, { zh: string; en: string }> = {
  'session.login': { zh: '登录', en: 'Signed in' },
  'session.login_failed': { zh: '登录失败', en: 'Failed sign-in' },
  'session.logout': { zh: '退出登录', en: 'Signed out' },
  'session.logout_everywhere': { zh: '退出所有设备', en: 'Signed out everywhere' },
  'user.create': { zh: '创建账号', en: 'Added an account' },
  'user.update': { zh: '修改账号', en: 'Changed an account' },
  'user.password.reset': { zh: '重置密码', en: 'Reset a password' },
  'user.password.change': { zh: '修改密码', en: 'Changed own password' },
  'user.locale': { zh: '切换语言', en: 'Chose a language' },
  'unit.create': { zh: '创建单位', en: 'Added a unit' },
  'unit.update': { zh: '修改单位', en: 'Changed a unit' },
  'unit.import': { zh: '导入单位', en: 'Imported units' },
  'plan.import': { zh: '导入工作要点', en: 'Imported a plan' },
  'plan.version.create': { zh: '新增版本', en: 'Added a version' },
  'plan.version.final': { zh: '定稿', en: 'Marked a version final' },
  'plan.publish': { zh: '印发', en: 'Published a plan' },
  'plan.reparse': { zh: '重新识别', en: 'Parsed again' },
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
  'task.acknowledge': { zh: '签收任务', en: 'Acknowledged a task' },
  'task.close': { zh: '销号', en: 'Closed a task' },
  'task.reopen': { zh: '恢复任务', en: 'Reopened a task' },
  'round.open': { zh: '开始调度', en: 'Opened a round' },
  'report.save': { zh: '填写报送', en: 'Wrote a report' },
  'report.submit': { zh: '签发报送', en: 'Sealed a report' },
  'report.accept': { zh: '审核通过', en: 'Accepted a report' },
  'report.return': { zh: '退回报送', en: 'Returned a report' },
  'notice.issue': { zh: '发出督办', en: 'Issued a notice' },
  'notice.answer': { zh: '答复督办', en: 'Answered a notice' },
  'notice.close': { zh: '督办销号', en: 'Closed a notice' },
  'demo.load': { zh: '载入演示数据', en: 'Loaded the demo' },
};

const ENTITIES: Record<string, { zh: string; en: string }> = {
  session: { zh: '登录会话', en: 'Session' },
  user: { zh: '账号', en: 'Account' },
  unit: { zh: '单位', en: 'Unit' },
  plan: { zh: '工作要点', en: 'Plan' },
  consultation: { zh: '征求意见', en: 'Consultation' },
  reply: { zh: '反馈', en: 'Reply' },
  opinion: { zh: '意见', en: 'Opinion' },
  notification: { zh: '通知', en: 'Notice' },
  task: { zh: '任务', en: 'Task' },
  round: { zh: '调度', en: 'Round' },
  report: { zh: '报送', en: 'Report' },
  notice: { zh: '督办', en: 'Supervision notice' },
  register: { zh: '专项台账', en: 'Register' },
};

export function auditAction(code: string, language: string): string {
  const words = ACTIONS[code];
  return words ? words[language === 'en' ? 'en' : 'zh'] : code;
}

export function auditEntity(code: string, language: string): string {
  const words = ENTITIES[code];
  return words ? words[language === 'en' ? 'en' : 'zh'] : code;
}
