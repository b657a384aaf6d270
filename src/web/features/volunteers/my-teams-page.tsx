import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { answerMembership, myMemberships, organisationKeys, type MyMembership } from '../../api/organisations.api.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../auth/use-session.js';
import './profile.css';

type Action = 'accept' | 'decline' | 'end';

/** What the volunteer can do with a membership in each status. */
const ACTIONS: Record<MyMembership['status'], Action[]> = {
  invited: ['accept', 'decline'],
  applied: ['end'],
  active: ['end'],
  declined: [],
  ended: [],
};

/**
 * /me/teams: the teams I belong to, the invitations waiting for my answer and my applications.
 * A team sees me only once I accept; I can leave whenever I wish.
 */
export function MyTeamsPage() {
  const { t } = useTranslation();
  usePageTitle(t('teams.title'));
  const { me, loading } = useSession();
  const q = useQuery({
    queryKey: organisationKeys.myMemberships,
    queryFn: myMemberships,
    enabled: !!me?.user.volunteerId,
  });
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  const items = q.data?.items ?? [];
  const open = items.filter((m) => m.status === 'invited');
  const rest = items.filter((m) => m.status !== 'invited');
  return (
    <div className="page narrow profile-page">
      <p className="back-link">
        <Link to="/me">{t('profile.backToMe')}</Link>
      </p>
      <h1>{t('teams.title')}</h1>
      <p>{t('teams.intro')}</p>
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {q.data && (
        <>
          <section aria-labelledby="teams-invitations" className="card me-section">
            <h2 id="teams-invitations">{t('teams.invitations')}</h2>
            {open.length === 0 ? <p>{t('teams.noInvitations')}</p> : <MembershipList items={open} />}
          </section>
          <section aria-labelledby="teams-mine" className="card me-section">
            <h2 id="teams-mine">{t('teams.mine')}</h2>
            {rest.length === 0 ? <p>{t('teams.none')}</p> : <MembershipList items={rest} />}
          </section>
        </>
      )}
    </div>
  );
}

function MembershipList({ items }: { items: MyMembership[] }) {
  return (
    <ul className="membership-list" data-testid="memberships">
      {items.map((m) => (
        <MembershipItem key={m.id} m={m} />
      ))}
    </ul>
  );
}

function MembershipItem({ m }: { m: MyMembership }) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const [failure, setFailure] = useState<unknown>(null);
  const act = useMutation({
    mutationFn: (action: Action) => answerMembership(m.id, action),
    onSuccess: () => {
      setFailure(null);
      void client.invalidateQueries({ queryKey: organisationKeys.myMemberships });
    },
    onError: setFailure,
  });
  const label = (action: Action) =>
    t(action === 'end' ? (m.status === 'active' ? 'teams.leave' : 'teams.withdraw') : `teams.${action}`);
  return (
    <li className="membership" data-testid="membership">
      <span className="membership-name">{m.organisationName}</span>
      <span className="hint">
        {t(`membership.status.${m.status}`)} · {t(`organiser.members.roles.${m.role}`)} · {f.date(m.joinedAt)}
      </span>
      <span className="section-actions">
        {ACTIONS[m.status].map((action) => (
          <button
            key={action}
            type="button"
            className={action === 'accept' ? 'button primary' : 'button'}
            disabled={act.isPending}
            aria-label={t('teams.actionOn', { action: label(action), name: m.organisationName })}
            onClick={() => act.mutate(action)}
          >
            {label(action)}
          </button>
        ))}
      </span>
      {failure !== null && <ErrorNotice error={failure} />}
    </li>
  );
}
