import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getOrganisation, organisationKeys } from '../../api/organisations.api.js';
import { useRegionNames } from './use-region-names.js';

interface Scoped {
  scopeType: string;
  scopeId: string;
}

/**
 * "地区 渝中区" rather than "地区 500103": a scope said with its region's or organisation's
 * name (organisations one request each, so for short lists such as grants and point rules).
 * `typeLabel` names the kind of scope where a page says it its own way.
 */
export function useScopeLabel(items: readonly Scoped[], typeLabel?: (s: Scoped) => string): (s: Scoped) => string {
  const { t } = useTranslation();
  const regionName = useRegionNames(items.filter((s) => s.scopeType === 'region').map((s) => s.scopeId));
  const orgIds = [...new Set(items.filter((s) => s.scopeType === 'organisation').map((s) => s.scopeId))];
  const orgs = useQueries({
    queries: orgIds.map((id) => ({
      queryKey: organisationKeys.one(id),
      queryFn: () => getOrganisation(id),
      staleTime: 5 * 60_000,
    })),
  });
  const orgName = new Map(orgIds.map((id, i) => [id, orgs[i]?.data?.name]));
  return (s) => {
    const kind = typeLabel?.(s) ?? t(`scopeType.${s.scopeType}`);
    if (s.scopeType === 'system') return kind;
    const name = s.scopeType === 'region' ? regionName(s.scopeId) : (orgName.get(s.scopeId) ?? s.scopeId);
    return `${kind} ${name}`;
  };
}
