import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http-client.js';
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
      {error instanceof ApiError && error.status !== 0 && <span className="notice-detail"> ({error.message})</span>}
    </p>
  );
}
