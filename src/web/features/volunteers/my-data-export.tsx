import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { downloadMyData } from '../../api/profile.api.js';
import { ErrorNotice } from '../../components/status-views.js';

/** "Download my data": the whole export as one JSON file (GET /me/export). */
export function MyDataExport() {
  const { t } = useTranslation();
  const download = useMutation({ mutationFn: downloadMyData });
  return (
    <section className="card me-section" aria-labelledby="me-data">
      <h2 id="me-data">{t('profile.export.title')}</h2>
      <p>{t('profile.export.lead')}</p>
      <p className="hint">{t('profile.export.privacy')}</p>
      <button
        type="button"
        className="button"
        onClick={() => download.mutate()}
        disabled={download.isPending}
        data-testid="me-export"
      >
        {download.isPending ? t('profile.export.working') : t('profile.export.button')}
      </button>
      <p role="status" className="hint">
        {download.isSuccess && t('profile.export.done', { file: download.data })}
      </p>
      {download.isError && <ErrorNotice error={download.error} />}
    </section>
  );
}
