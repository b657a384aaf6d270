import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http-client.js';
import { downloadMyData } from '../../api/profile.api.js';
import { errorText } from '../../components/error-text.js';
import { PasswordDialog } from '../../components/password-dialog.js';

const reasonOf = (err: unknown) =>
  err instanceof ApiError ? (err.details as { reason?: string } | undefined)?.reason : undefined;

/**
 * "Download my data": the whole export as one JSON file (GET /me/export). It holds the ID number
 * and phone in full, so the password is asked again in a dialog first.
 */
export function MyDataExport() {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const download = useMutation({ mutationFn: downloadMyData, onSuccess: () => setAsking(false) });
  const error = download.isError
    ? reasonOf(download.error) === 'password_confirmation_wrong'
      ? { password: t('profile.server.WRONG_PASSWORD.currentPassword') }
      : { form: errorText(download.error, t) }
    : undefined;
  return (
    <section className="card me-section" aria-labelledby="me-data">
      <h2 id="me-data">{t('profile.export.title')}</h2>
      <p>{t('profile.export.lead')}</p>
      <p className="hint">{t('profile.export.privacy')}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          download.reset();
          setAsking(true);
        }}
        data-testid="me-export"
      >
        {t('profile.export.button')}
      </button>
      <p role="status" className="hint">
        {download.isSuccess && t('profile.export.done', { file: download.data })}
      </p>
      <PasswordDialog
        open={asking}
        title={t('profile.export.confirmTitle')}
        lead={t('profile.export.confirmLead')}
        submitLabel={download.isPending ? t('profile.export.working') : t('profile.export.confirmSubmit')}
        pending={download.isPending}
        error={error}
        onConfirm={(password) => download.mutate(password)}
        onClose={() => setAsking(false)}
      />
    </section>
  );
}
