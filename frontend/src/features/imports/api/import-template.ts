import type { Language } from '@/lib/i18n';
import type { ImportKind } from './get-import';

/**
 * importTemplateUrl is the .xlsx template of a kind, downloaded by link: headers and drop-downs in
 * the UI language (a download link cannot set Accept-Language).
 */
export const importTemplateUrl = (kind: ImportKind, lang: Language) => `/api/v1/imports/templates/${encodeURIComponent(kind)}?lang=${lang}`;
