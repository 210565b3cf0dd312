import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, LANGUAGES, setLanguage, type Language } from '@/lib/i18n';

const NATIVE_NAMES: Record<Language, string> = { 'zh-CN': '简体中文', 'en-US': 'English' };

/** LanguageSwitch changes the UI language; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <Select<Language>
      data-testid="language-switch"
      aria-label={t('language.label')}
      value={currentLanguage()}
      onChange={(lng) => {
        if (isLanguage(lng)) void setLanguage(lng);
      }}
      suffixIcon={<GlobalOutlined />}
      popupMatchSelectWidth={false}
      variant="borderless"
      options={LANGUAGES.map((lng) => ({ value: lng, label: <span data-testid={`language-option-${lng}`}>{NATIVE_NAMES[lng]}</span> }))}
    />
  );
}
