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
