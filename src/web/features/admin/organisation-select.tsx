import { useTranslation } from 'react-i18next';
import { listOrganisations, organisationKeys } from '../../api/organisations.api.js';
import { SearchSelect } from './search-select.js';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  /** Only organisations in this region or below it (a region admin's own). */
  regionCode?: string | undefined;
  /** Only organisations below this one (a department admin's department). */
  under?: string | undefined;
}

/** Finds an organisation by name (GET /organisations?q=) and answers its id. */
export function OrganisationSelect({ regionCode, under, ...control }: Props) {
  const { t } = useTranslation();
  return (
    <SearchSelect
      {...control}
      placeholder={t('admin.organisations.search')}
      queryKey={(q) => [...organisationKeys.search(q), regionCode ?? null, under ?? null]}
      find={async (q) =>
        (await listOrganisations({ q: q || undefined, regionCode, under, limit: 20 })).items.map((o) => ({
          value: o.id,
          label: o.name,
        }))
      }
    />
  );
}
