import { useTranslation } from 'react-i18next';

/** Switches between 简体中文 and English; the other language is named in itself. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      className="tool-button"
      lang={next}
      aria-label={t('layout.switchLanguageTo', { name: t('layout.languageName', { lng: next }) })}
      onClick={() => void i18n.changeLanguage(next)}
      data-testid="language-switch"
    >
      {t('layout.languageName', { lng: next })}
    </button>
  );
}
