import { useTranslation } from 'react-i18next';
import { listNeeds, needKeys, type NeedQuery } from '../../api/needs.api.js';
import { LoadMore } from '../../components/load-more.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { NeedCard } from './need-card.js';

/** A cursor-paged list of needs as cards (mine, or those offered to my teams). */
export function NeedList({ query, empty }: { query: NeedQuery; empty: string }) {
  const { t } = useTranslation();
  const pages = useCursorPages(needKeys.list(query), (cursor) => listNeeds(query, cursor));
  if (pages.isPending) return <Loading />;
  if (pages.isError) return <ErrorNotice error={pages.error} />;
  if (pages.rows.length === 0) return <p data-testid="needs-empty">{empty}</p>;
  return (
    <>
      <ul className="card-list" data-testid="need-list">
        {pages.rows.map((n) => (
          <NeedCard key={n.id} need={n} />
        ))}
      </ul>
      <LoadMore query={pages} label={t('needs.more')} />
    </>
  );
}
