import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import zhCN from './zh-CN';
import type { Catalogue } from './zh-CN';
import en from './en';
import consultationZhCN, { type ConsultationCatalogue } from './consultation.zh-CN';
import consultationEn from './consultation.en';
import registersZhCN, { type RegistersCatalogue } from './registers.zh-CN';
import registersEn from './registers.en';
import ledgerZhCN, { type LedgerCatalogue } from './ledger.zh-CN';
import ledgerEn from './ledger.en';
import publicZhCN, { type PublicCatalogue } from './public.zh-CN';
import publicEn from './public.en';
import type { Locale } from '../../contract/common';
import { isLocale } from '../../contract/enums';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue; consultation: ConsultationCatalogue; registers: RegistersCatalogue; ledger: LedgerCatalogue; public: PublicCatalogue };
  }
}

// Before sign-in the language is the one last chosen in this browser, else Chinese unless the
// browser asks for English. After sign-in the user's saved preference wins.
const STORAGE_KEY = 'luoshi.locale';

function initialLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage may be unavailable (private mode); fall through
  }
  const preferred = window.navigator.languages?.[0] ?? window.navigator.language ?? '';
  return preferred.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

function reflect(locale: Locale): void {
  document.documentElement.lang = locale;
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
}

const first = initialLocale();
void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN, consultation: consultationZhCN, registers: registersZhCN, ledger: ledgerZhCN, public: publicZhCN },
    en: { translation: en, consultation: consultationEn, registers: registersEn, ledger: ledgerEn, public: publicEn },
  },
  lng: first,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
reflect(first);

export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** Switch the UI language and remember it in this browser. */
export function applyLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not remembered locally; the server still keeps the user's preference
  }
  reflect(locale);
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
}

export default i18n;
