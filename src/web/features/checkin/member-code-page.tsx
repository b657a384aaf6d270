import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { checkinKeys, myMemberCode } from '../../api/checkin.api.js';
import { QrCode, refreshDelay } from '../../components/qr-code.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';

/** My rotating member code, for an organiser's kiosk or a supermarket counter to scan (or type). */
export function MemberCodePage() {
  const { t } = useTranslation();
  usePageTitle(t('memberCode.title'));
  const { me, loading } = useSession();
  const q = useQuery({
    queryKey: checkinKeys.memberCode,
    queryFn: myMemberCode,
    enabled: !!me?.user.volunteerId,
    staleTime: 0,
    refetchInterval: (query) => {
      const d = query.state.data;
      return d ? refreshDelay(d.expiresAt, d.windowSeconds) : false;
    },
    refetchIntervalInBackground: false,
  });
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  if (!me.user.volunteerId) return <p className="notice">{t('activities.volunteersOnly')}</p>;
  return (
    <div className="page narrow member-code-page">
      <h1>{t('memberCode.title')}</h1>
      <p>{t('memberCode.lead')}</p>
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {q.data && (
        <figure className="member-code">
          <QrCode value={q.data.token} label={t('memberCode.qrLabel', { name: me.user.displayName })} size={260} />
          <figcaption>
            <span className="hint">{t('memberCode.typeIt')}</span>
            <code className="member-code-text" data-testid="member-code-text">
              {q.data.token}
            </code>
            <span className="hint">{t('memberCode.rotates', { seconds: q.data.windowSeconds })}</span>
          </figcaption>
        </figure>
      )}
    </div>
  );
}
