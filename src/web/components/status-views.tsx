import { useTranslation } from 'react-i18next';
import { errorText } from './error-text.js';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="status" role="status">
      {t('common.loading')}
    </p>
  );
}

/** A failed request, said in the UI language; the server's sentence is kept for details. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <p className="notice error" role="alert">
      {errorText(error, t)}
    </p>
  );
}
