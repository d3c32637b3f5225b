/**
 * What the in-app notices and their e-mails say, per code, in both languages. Notices are
 * stored as a code with parameters and rendered for each reader: e-mail here on the server
 * (in the recipient's saved language), the in-app list by the web app's i18n catalogue from
 * the same code and parameters. `{name}` is filled from the parameters.
 */
export type NoticeLocale = 'zh-CN' | 'en';

interface NoticeText {
  subject: string;
  message: string;
}

export const NOTICE_CATALOGUE = {
  'consultation.opened': {
    'zh-CN': { subject: '【征求意见】{title}', message: '{title}：请于 {deadline} 前反馈意见（无意见也请反馈）。联系人：{contact}' },
    en: {
      subject: '[For comment] {title}',
      message: '{title}: please reply by {deadline} (reply “no opinion” if you have none). Contact: {contact}',
    },
  },
  'consultation.extended': {
    'zh-CN': { subject: '【征求意见延期】{title}', message: '{title}：反馈截止日期由 {from} 延至 {to}。' },
    en: { subject: '[Deadline extended] {title}', message: '{title}: the deadline for replies moves from {from} to {to}.' },
  },
  'consultation.reminder.manual': {
    'zh-CN': {
      subject: '【催办】请反馈对《{planTitle}》的意见',
      message: '{title}：贵单位尚未反馈意见，请于 {deadline} 前由签发人签发后反馈（无意见也请反馈）。联系人：{contact}',
    },
    en: {
      subject: '[Reminder] Please reply on “{planTitle}”',
      message: '{title}: your unit has not replied yet. Please have your signatory seal a reply by {deadline} (“no opinion” counts). Contact: {contact}',
    },
  },
  'consultation.reminder.auto': {
    'zh-CN': {
      subject: '【催办】请反馈对《{planTitle}》的意见',
      message: '{title}：贵单位尚未反馈意见，请于 {deadline} 前由签发人签发后反馈（无意见也请反馈）。联系人：{contact}',
    },
    en: {
      subject: '[Reminder] Please reply on “{planTitle}”',
      message: '{title}: your unit has not replied yet. Please have your signatory seal a reply by {deadline} (“no opinion” counts). Contact: {contact}',
    },
  },
  'reply.submitted': {
    'zh-CN': { subject: '【待签发】{title}', message: '{title}：{unit}的反馈意见已由{by}提交签发，请审核后签发或退回。' },
    en: { subject: '[To seal] {title}', message: '{title}: {by} has submitted {unit}’s reply for sealing; please seal it or send it back.' },
  },
  'reply.returned': {
    'zh-CN': { subject: '【退回修改】{title}', message: '{title}：签发人{by}退回了本单位的反馈意见：{comment}。请修改后重新提交签发。' },
    en: { subject: '[Returned] {title}', message: '{title}: the signatory {by} sent your unit’s reply back: {comment}. Please revise it and submit it again.' },
  },
  'reply.sealed': {
    'zh-CN': { subject: '【意见已反馈】{title}', message: '{title}：{unit}已签发反馈意见，共 {count} 条意见（0 条即无意见）。' },
    en: { subject: '[Reply received] {title}', message: '{title}: {unit} has sealed its reply; opinions: {count} (0: no opinion).' },
  },
  'opinions.decided': {
    'zh-CN': { subject: '【意见处理结果】{title}', message: '{title}：办公室已处理本单位的 {count} 条意见，请登录系统查看处理结果和理由。' },
    en: { subject: '[Opinions decided] {title}', message: '{title}: the office has decided {count} of your unit’s opinions; see the decisions and reasons in the system.' },
  },
  'task.published': {
    'zh-CN': { subject: '【任务签收】{planTitle}', message: '《{planTitle}》已印发，本单位有新的责任任务，请登录系统签收并按时报送进展。' },
    en: { subject: '[Acknowledge tasks] {planTitle}', message: '“{planTitle}” has been published and your unit has new tasks: please acknowledge them and report on time.' },
  },
  'task.added': {
    'zh-CN': { subject: '【任务签收】{title}', message: '本单位有新的责任任务“{title}”，请登录系统签收并按时报送进展。' },
    en: { subject: '[Acknowledge task] {title}', message: 'Your unit has a new task, “{title}”: please acknowledge it and report on time.' },
  },
  'task.acknowledge.reminder': {
    'zh-CN': { subject: '【签收提醒】{planTitle}', message: '《{planTitle}》中本单位尚有任务未签收，请尽快登录系统签收。' },
    en: { subject: '[Reminder] Acknowledge your tasks in {planTitle}', message: 'Your unit still has tasks in “{planTitle}” to acknowledge.' },
  },
  'round.opened': {
    'zh-CN': { subject: '【调度】{title}', message: '{planTitle}：{title}已开始，请于 {dueDate} 前报送本单位各项任务的进展情况。' },
    en: { subject: '[Progress report] {title}', message: '{planTitle}: {title} has opened; please report on each of your tasks by {dueDate}.' },
  },
  'report.returned': {
    'zh-CN': { subject: '【报送退回】{taskTitle}', message: '{roundTitle}“{taskTitle}”的报送已被退回：{comment}。请修改后重新提交。' },
    en: { subject: '[Report returned] {taskTitle}', message: '{roundTitle}: your report on “{taskTitle}” was returned: {comment}. Please revise and resubmit it.' },
  },
  'notice.issued.blue': {
    'zh-CN': { subject: '【提醒】{taskTitle}', message: '关于“{taskTitle}”的提醒：{text}。请于 {answerBy} 前答复。' },
    en: { subject: '[Reminder] {taskTitle}', message: 'Reminder on “{taskTitle}”: {text}. Please answer by {answerBy}.' },
  },
  'notice.issued.yellow': {
    'zh-CN': { subject: '【督办】{taskTitle}', message: '关于“{taskTitle}”的督办：{text}。请于 {answerBy} 前答复。' },
    en: { subject: '[Supervision notice] {taskTitle}', message: 'Supervision notice on “{taskTitle}”: {text}. Please answer by {answerBy}.' },
  },
  'notice.issued.red': {
    'zh-CN': { subject: '【挂牌督办】{taskTitle}', message: '关于“{taskTitle}”的挂牌督办：{text}。请于 {answerBy} 前答复。' },
    en: { subject: '[Listed supervision] {taskTitle}', message: 'Listed supervision on “{taskTitle}”: {text}. Please answer by {answerBy}.' },
  },
} as const satisfies Record<string, Record<NoticeLocale, NoticeText>>;

export type NoticeCode = keyof typeof NOTICE_CATALOGUE;
export type NoticeParams = Record<string, string | number>;

export function isNoticeCode(code: string | null): code is NoticeCode {
  return code !== null && Object.hasOwn(NOTICE_CATALOGUE, code);
}

export function renderNotice(code: NoticeCode, params: NoticeParams, locale: NoticeLocale): NoticeText {
  const text = NOTICE_CATALOGUE[code][locale];
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  return { subject: fill(text.subject), message: fill(text.message) };
}
