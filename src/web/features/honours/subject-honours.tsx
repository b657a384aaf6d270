import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HonourSubjectKind } from '../../../common/enums.js';
import { honourKeys, listHonours, type Honour } from '../../api/honours.api.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { HonourImage } from './honour-image.js';
import './honours.css';

/** "全国志愿服务优秀项目 · 国家级 · 2024 · 中央文明办": one honour as a line of text. */
export function useHonourLine() {
  const { t } = useTranslation();
  return (h: Honour) =>
    [h.name, h.level ? t(`honours.level.${h.level}`) : null, h.year, h.issuer]
      .filter((x) => x !== null && x !== '')
      .join(' · ');
}

interface Props {
  kind: HonourSubjectKind;
  id: string;
  /** The heading's id and text; the section is left out when there is nothing to show and `hideEmpty`. */
  headingId: string;
  title: string;
  hideEmpty?: boolean;
  empty?: string;
  /** The section's look: a plain page section by default, a card on the Me page. */
  className?: string;
}

/**
 * A subject's honours (荣誉), newest award first, each with its level; a volunteer's show the
 * points they earned, and its certificate image (to those signed in) as a thumbnail opening it.
 * Public for projects and organisations; a volunteer sees their own.
 */
export function SubjectHonours({ kind, id, headingId, title, hideEmpty, empty, className = 'section' }: Props) {
  const { t } = useTranslation();
  const line = useHonourLine();
  const q = useQuery({
    queryKey: honourKeys.of(kind, id),
    queryFn: () => listHonours({ subjectKind: kind, subjectId: id }),
  });
  if (hideEmpty && q.data?.items.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className={`${className} honours-section`}>
      <h2 id={headingId}>{title}</h2>
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} />}
      {q.data?.items.length === 0 && <p>{empty ?? t('honours.none')}</p>}
      {!!q.data?.items.length && (
        <ul className="honours" data-testid={`honours-${kind}`}>
          {q.data.items.map((h) => (
            <li key={h.id} className={h.level ? `honour honour-${h.level}` : 'honour'}>
              <span className="honour-name">{line(h)}</span>
              {h.points > 0 && <span className="tag">{t('honours.points', { count: h.points })}</span>}
              <HonourImage honour={h} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
