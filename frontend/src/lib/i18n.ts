import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import zhCN from '@/locales/translation.zh-CN';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** LANGUAGE_STORAGE_KEY is the one thing the SPA keeps in localStorage. */
export const LANGUAGE_STORAGE_KEY = 'tt.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** matchLanguage maps a BCP 47 tag such as `en-GB` or `zh-Hans-CN` to a language the UI speaks. */
export function matchLanguage(tag: string | undefined | null): Language | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en-US';
  return undefined;
}

function readStoredLanguage(): Language | undefined {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** detectLanguage picks the remembered choice, else the browser's language, else zh-CN. */
export function detectLanguage(): Language {
  const stored = readStoredLanguage();
  if (stored) return stored;
  const nav = globalThis.navigator;
  const tags = nav?.languages?.length ? nav.languages : [nav?.language];
  for (const tag of tags) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return DEFAULT_LANGUAGE;
}

function applyLanguageSideEffects(lng: string) {
  dayjs.locale(lng === 'en-US' ? 'en' : 'zh-cn');
  if (typeof document !== 'undefined') {
    document.documentElement.lang = lng;
    if (i18n.isInitialized) document.title = i18n.t('app.title');
  }
}

/** setLanguage switches the UI language and remembers the choice in this browser. */
export async function setLanguage(lng: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // Private mode or storage disabled: the switch still works for this page.
  }
  await i18n.changeLanguage(lng);
}

/** currentLanguage is the language requests are sent in (Accept-Language). */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

i18n.on('languageChanged', applyLanguageSideEffects);

/**
 * zh-CN is the fallback, so its texts ship with the app; another language's are fetched when it is
 * first used (at start, or on a switch, which waits for them), so no one downloads both.
 */
const translations: Record<Language, () => Promise<unknown>> = {
  'zh-CN': () => Promise.resolve(zhCN),
  'en-US': () => import('@/locales/translation.en-US'),
};
const loadTranslation = (lng: string) => (isLanguage(lng) ? translations[lng]() : Promise.resolve(null));

/** i18nReady settles once the active language's texts are loaded: render nothing before it. */
export const i18nReady: Promise<unknown> = i18n
  .use(resourcesToBackend(loadTranslation))
  .use(initReactI18next)
  .init({
    resources: { [DEFAULT_LANGUAGE]: { translation: zhCN } },
    partialBundledLanguages: true,
    lng: detectLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  .then(() => applyLanguageSideEffects(i18n.language));

export default i18n;
