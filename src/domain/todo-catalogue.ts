/**
 * What each kind of to-do (待办) and done item (已办) says, in both languages. To-dos are
 * derived from the rows and the clock on every request (nothing is stored that could go
 * stale); the API sends the kind, its parameters and the title rendered in the reader's
 * language. `{name}` is filled from the parameters.
 */
export const TODO_CATALOGUE = {
  // A unit's reporter (and, for the ledger, its signatory).
  'reply.write': { zh: '反馈意见：{title}', en: 'Reply to “{title}”' },
  'reply.returned': { zh: '退回修改：{title}（{comment}）', en: 'Returned to you: “{title}” ({comment})' },
  'reply.seal': { zh: '待签发：{title}', en: 'To seal: “{title}”' },
  'report.due': { zh: '报送进展：{taskTitle}（{roundTitle}）', en: 'Report on “{taskTitle}” ({roundTitle})' },
  'report.returned': { zh: '报送退回：{taskTitle}（{comment}）', en: 'Report returned: “{taskTitle}” ({comment})' },
  'report.seal': { zh: '待签发报送：{taskTitle}（{roundTitle}）', en: 'Report to seal: “{taskTitle}” ({roundTitle})' },
  'task.acknowledge': { zh: '签收任务：{planTitle}（{count} 项）', en: 'Acknowledge tasks of “{planTitle}” ({count})' },
  'notice.answer': { zh: '答复{levelName}：{taskTitle}', en: 'Answer the {levelNameEn}: “{taskTitle}”' },
  // The office.
  'plan.warnings': { zh: '核对解析提示：{title}（{count} 处未核对）', en: 'Check parser warnings: “{title}” ({count} unchecked)' },
  'opinions.decide': { zh: '处理意见：{title}（{count} 条待处理）', en: 'Decide opinions: “{title}” ({count} undecided)' },
  'consultation.due': { zh: '本周截止：{title}（{count} 个单位未反馈）', en: 'Due this week: “{title}” (not replied: {count})' },
  'consultation.overdue': { zh: '逾期未反馈：{title}（{count} 个单位）', en: 'Overdue: “{title}” (not replied: {count})' },
  'report.review': { zh: '审核报送：{roundTitle}（{count} 份待审核）', en: 'Review reports: {roundTitle} ({count} waiting)' },
  'notice.follow': { zh: '督办跟踪：{taskTitle}（{unit}，{state}）', en: 'Follow up: “{taskTitle}” ({unit}, {stateEn})' },
  // Admins.
  'unit.signatory': { zh: '{count} 个成员单位没有可用的签发人账号', en: 'Member units with no active signatory: {count}' },
  'account.password': { zh: '{count} 个账号尚未修改管理员设置的密码', en: 'Accounts still on a password an admin set: {count}' },
  'account.email': { zh: '{count} 个填报员或签发人账号没有电子邮箱（收不到提醒）', en: 'Reporter or signatory accounts with no e-mail (no reminders reach them): {count}' },
  // 已办: what the user did.
  'done.reply.draft': { zh: '起草反馈：{title}', en: 'Drafted a reply: “{title}”' },
  'done.reply.update': { zh: '修改反馈：{title}', en: 'Edited a reply: “{title}”' },
  'done.reply.submit': { zh: '提交签发：{title}', en: 'Submitted for sealing: “{title}”' },
  'done.reply.return': { zh: '退回修改：{title}', en: 'Returned for revision: “{title}”' },
  'done.reply.seal': { zh: '签发反馈：{title}', en: 'Sealed a reply: “{title}”' },
  'done.reply.withdraw': { zh: '撤回反馈：{title}', en: 'Withdrew a reply: “{title}”' },
  'done.opinion.decide': { zh: '处理意见：{title}（{count} 条）', en: 'Decided opinions: “{title}” ({count})' },
  'done.consultation.open': { zh: '发起征求意见：{title}', en: 'Opened a consultation: “{title}”' },
  'done.consultation.remind': { zh: '催办：{title}', en: 'Sent reminders: “{title}”' },
  'done.consultation.close': { zh: '结束征求意见：{title}', en: 'Closed a consultation: “{title}”' },
  'done.consultation.publish': { zh: '公开采纳情况：{title}', en: 'Published the outcome: “{title}”' },
  'done.report.submit': { zh: '签发报送：{title}', en: 'Sealed a report: {title}' },
  'done.report.save': { zh: '填写报送：{title}', en: 'Wrote a report: {title}' },
  'done.report.accept': { zh: '审核通过：{title}', en: 'Accepted a report: {title}' },
  'done.report.return': { zh: '退回报送：{title}', en: 'Returned a report: {title}' },
  'done.task.acknowledge': { zh: '签收任务：{title}', en: 'Acknowledged a task: {title}' },
  'done.notice.answer': { zh: '答复督办：{title}', en: 'Answered a notice: {title}' },
  'done.notice.issue': { zh: '发出督办：{title}', en: 'Issued a notice: {title}' },
  'done.user.create': { zh: '新建账号：{title}', en: 'Added an account: {title}' },
  'done.user.update': { zh: '修改账号：{title}', en: 'Changed an account: {title}' },
  'done.user.password.reset': { zh: '重置密码：{title}', en: 'Reset a password: {title}' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type TodoKind = keyof typeof TODO_CATALOGUE;
export const TODO_KINDS = Object.keys(TODO_CATALOGUE) as [TodoKind, ...TodoKind[]];
export type TodoParams = Record<string, string | number>;

export function renderTodo(kind: TodoKind, params: TodoParams, locale: 'zh' | 'en'): string {
  return TODO_CATALOGUE[kind][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
