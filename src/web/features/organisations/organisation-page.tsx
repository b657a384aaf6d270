import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getOrganisation, organisationKeys } from '../../api/organisations.api.js';
import { useFieldName } from '../../components/labels.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { SubjectHonours } from '../honours/subject-honours.js';
import { OrganisationStories } from '../stories/organisation-stories.js';

/** An organisation's public page: what it is, where it sits, its service fields and its honours. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const fieldName = useFieldName();
  const q = useQuery({ queryKey: organisationKeys.one(id), queryFn: () => getOrganisation(id) });
  usePageTitle(q.data?.name ?? t('organisationPage.title'));

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} />;
  const o = q.data;
  return (
    <div className="page narrow organisation-page">
      <p>
        <Link to="/">{t('projects.toPortal')}</Link>
      </p>
      <h1>{o.name}</h1>
      <p className="tag">
        {t(`orgKind.${o.kind}`)} · {t(`orgLevel.${o.level}`)}
      </p>
      {o.pathNames.length > 1 && <p>{t('organisationPage.under', { path: o.pathNames.slice(0, -1).join(' / ') })}</p>}
      {o.description && <p>{o.description}</p>}
      {o.fields.length > 0 && <p>{t('organisationPage.fields', { fields: o.fields.map(fieldName).join('、') })}</p>}
      <SubjectHonours kind="organisation" id={o.id} headingId="organisation-honours" title={t('honours.title')} />
      <OrganisationStories organisationId={o.id} />
    </div>
  );
}
