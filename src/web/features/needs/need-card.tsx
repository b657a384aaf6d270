import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Need } from '../../api/needs.api.js';
import { useFormat } from '../../components/format.js';
import { useNeedTypes } from './use-need-types.js';

/** A need in a list: its type, status, region and when it was posted, linking to its page. */
export function NeedCard({ need }: { need: Need }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { nameOf } = useNeedTypes();
  return (
    <li className="card need-card" data-testid="need-card">
      <h2 className="need-title">
        <Link to={`/needs/${encodeURIComponent(need.id)}`}>{nameOf(need.type)}</Link>
      </h2>
      <p>
        <span className={`need-status need-status-${need.status}`} data-testid="need-status">
          {t(`needs.status.${need.status}`)}
        </span>
        {' · '}
        {need.regionName} · {t('needs.postedAt', { at: f.dateTime(need.createdAt) })}
      </p>
      <p className="need-text">{need.text}</p>
    </li>
  );
}
