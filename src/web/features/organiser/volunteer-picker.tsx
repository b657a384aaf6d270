import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { listMembers, organisationKeys, type Member } from '../../api/organisations.api.js';
import type { ShiftSignup } from '../../api/signups.api.js';

/** Someone the organiser may pick: a sign-up of the activity or a member of the organisation. */
export interface Pickable {
  volunteerId: string;
  name: string;
  code: string;
}

export interface PickGroup {
  label: string;
  people: Pickable[];
}

/** Members read for the picker: five pages of 200; anyone beyond is entered by volunteer code. */
const MEMBER_PAGES = 5;

async function allMembers(org: string): Promise<Member[]> {
  const out: Member[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MEMBER_PAGES; i++) {
    const page = await listMembers(org, cursor, 200);
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

/** The organisation's members as pickable people (its admins only, like the members page). */
export function useMemberPeople(org: string | null): Pickable[] {
  const q = useQuery({
    queryKey: organisationKeys.allMembers(org),
    queryFn: () => allMembers(org ?? ''),
    enabled: !!org,
  });
  // Only members who accepted: an invitation shows nothing of the person.
  return (q.data ?? []).flatMap((m) =>
    m.status === 'active' && m.volunteerName !== null
      ? [{ volunteerId: m.volunteerId, name: m.volunteerName, code: m.volunteerCode }]
      : [],
  );
}

export const signupPeople = (signups: ShiftSignup[]): Pickable[] =>
  signups.map((s) => ({ volunteerId: s.volunteerId, name: s.volunteerName, code: s.volunteerCode }));

interface Props {
  id?: string;
  value?: string;
  onChange?: (volunteerId: string | undefined) => void;
  groups: PickGroup[];
}

/**
 * A searchable select over the groups, by name or volunteer code; someone in two groups is
 * offered once, in the first. Never a city-wide search: only people the organiser already sees.
 */
export function VolunteerPicker({ id, value, onChange, groups }: Props) {
  const { t } = useTranslation();
  const seen = new Set<string>();
  const options = groups
    .map((g) => ({
      label: g.label,
      title: g.label,
      options: g.people
        .filter((p) => !seen.has(p.volunteerId) && seen.add(p.volunteerId))
        .map((p) => ({ value: p.volunteerId, label: `${p.name} (${p.code})` })),
    }))
    .filter((g) => g.options.length > 0);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      style={{ minWidth: 240 }}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('organiser.picker.placeholder')}
      notFoundContent={t('organiser.picker.nobody')}
      options={options}
      data-testid="volunteer-picker"
    />
  );
}
