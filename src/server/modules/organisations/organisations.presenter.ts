import type { Membership, Organisation } from '../../../common/contract/organisations.js';
import type { MembershipRole, MembershipStatus } from '../../../common/enums.js';
import type { OrganisationsTable } from '../../db/schema.js';

export function presentOrganisationSummary(o: OrganisationsTable): Omit<Organisation, 'path' | 'pathNames'> {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    level: o.level,
    regionCode: o.region_code,
    parentId: o.parent_id,
    departmentId: o.department_id,
    fields: JSON.parse(o.fields) as string[],
    description: o.description,
    status: o.status,
    createdAt: o.created_at,
  };
}

export function presentOrganisation(o: OrganisationsTable, path: { id: string; name: string }[]): Organisation {
  return { ...presentOrganisationSummary(o), path: path.map((p) => p.id), pathNames: path.map((p) => p.name) };
}

export function presentMembership(m: {
  id: string;
  organisation_id: string;
  volunteer_id: string;
  role: MembershipRole;
  status: MembershipStatus;
  joined_at: string;
}): Membership {
  return {
    id: m.id,
    organisationId: m.organisation_id,
    volunteerId: m.volunteer_id,
    role: m.role,
    status: m.status,
    joinedAt: m.joined_at,
  };
}
