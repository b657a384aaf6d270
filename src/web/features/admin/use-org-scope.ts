import { listOrganisations, getOrganisation, type OrganisationQuery } from '../../api/organisations.api.js';
import { useSession } from '../auth/use-session.js';

/** An organisation as the tree shows it. */
export interface OrgRoot {
  id: string;
  name: string;
}

/**
 * Where the signed-in admin's organisation tree starts: a system admin's at the city's roots;
 * a region admin's at the topmost organisations of their regions (those whose parent lies
 * outside); a department admin's at their departments. `list` is what the table shows before
 * a node is chosen, narrowed the same way.
 */
export function useOrgScope() {
  const { me } = useSession();
  const grants = me?.roles ?? [];
  const system = grants.some((g) => g.role === 'system_admin');
  const regions = [...new Set(grants.filter((g) => g.role === 'region_admin').map((g) => g.scopeId))];
  const departments = [...new Set(grants.filter((g) => g.role === 'department_admin').map((g) => g.scopeId))];

  const loadRoots = async (): Promise<OrgRoot[]> => {
    if (system) return (await listOrganisations({ parentId: 'root', limit: 200 })).items;
    const inRegions = await Promise.all(regions.map((regionCode) => listOrganisations({ regionCode, limit: 200 })));
    const found = inRegions.flatMap((p) => p.items);
    const ids = new Set(found.map((o) => o.id));
    const tops = found.filter((o) => !o.parentId || !ids.has(o.parentId));
    const own = await Promise.all(departments.filter((id) => !ids.has(id)).map((id) => getOrganisation(id)));
    return [...tops, ...own].map((o) => ({ id: o.id, name: o.name }));
  };

  const first = regions[0];
  const list: OrganisationQuery = system
    ? { parentId: 'root' }
    : first
      ? { regionCode: first }
      : departments[0]
        ? { under: departments[0] }
        : { parentId: 'root' };
  return { loadRoots, list, regionCode: system ? undefined : first };
}
