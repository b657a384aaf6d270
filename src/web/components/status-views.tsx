import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http-client.js';

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
  const code = error instanceof ApiError ? error.code : 'UNKNOWN';
  const text = t(`errors.${code}`, { defaultValue: t('errors.UNKNOWN') });
  return (
    <p className="notice error" role="alert">
      {text}
      {error instanceof ApiError && error.status !== 0 && <span className="notice-detail"> ({error.message})</span>}
    </p>
  );
}
