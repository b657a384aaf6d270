import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { logoutEverywhere } from '../../api/auth.api.js';
import { errorText } from '../../components/error-text.js';

/**
 * 退出所有设备: ends every login of the account, this one included — for a phone that was lost
 * or a shared computer left logged in. A full load to the login page follows, so nothing of
 * the session stays in this tab.
 */
export function LogoutEverywhere() {
  const { t } = useTranslation();
  const end = useMutation({
    mutationFn: async () => {
      await logoutEverywhere();
      window.location.assign('/login');
    },
  });
  return (
    <section className="card me-section" aria-labelledby="logout-all-title">
      <h2 id="logout-all-title">{t('logoutAll.title')}</h2>
      <p id="logout-all-what">{t('logoutAll.what')}</p>
      {end.isError && (
        <p className="notice error" role="alert">
          {errorText(end.error, t)}
        </p>
      )}
      <button
        type="button"
        className="button"
        aria-describedby="logout-all-what"
        disabled={end.isPending}
        onClick={() => end.mutate()}
        data-testid="logout-all"
      >
        {end.isPending ? t('common.working') : t('logoutAll.submit')}
      </button>
    </section>
  );
}
