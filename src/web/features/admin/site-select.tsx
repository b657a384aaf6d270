import { useTranslation } from 'react-i18next';
import type { SiteType } from '../../../common/enums.js';
import { listSites, siteKeys } from '../../api/sites.api.js';
import { SearchSelect } from './search-select.js';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  /** Only sites of this type (a clerk serves a supermarket). */
  type?: SiteType | undefined;
  /** Only sites in this region or below it (a region admin's own). */
  region?: string | undefined;
}

/** Finds a site by name (GET /sites?q=) and answers its id (an antd Form control). */
export function SiteSelect({ type, region, ...control }: Props) {
  const { t } = useTranslation();
  return (
    <SearchSelect
      {...control}
      placeholder={t('admin.roles.siteSearch')}
      queryKey={(q) => siteKeys.search({ q, type, region })}
      find={async (q) =>
        (await listSites({ q: q || undefined, type, region, limit: 20 })).items.map((s) => ({
          value: s.id,
          label: s.name,
        }))
      }
    />
  );
}
