import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Volunteer, VolunteerSearch } from '../../api/volunteers.api.js';
import { useVolunteerPages, VolunteerSearchForm, VolunteerTable } from './volunteer-search.js';

/** Who a role goes to: their account, with what the admin saw to choose them (masked). */
export interface PickedPerson {
  userId: string;
  name: string;
  volunteerCode: string;
  phone: string | null;
}

/**
 * Finds the person to grant a role to in the admin's regions, by name, volunteer code or
 * phone (the volunteer registry's search), and picks one: no one types an account id.
 */
export function PersonPicker({ onPick }: { onPick: (p: PickedPerson) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState<VolunteerSearch | null>(null);
  const pages = useVolunteerPages(search);
  const pick = (v: Volunteer) =>
    onPick({ userId: v.userId, name: v.name, volunteerCode: v.volunteerCode, phone: v.phone ?? null });
  return (
    <>
      <VolunteerSearchForm onSearch={setSearch} />
      {search && (
        <VolunteerTable
          pages={pages}
          action={(v) => (
            <Button size="small" onClick={() => pick(v)}>
              {t('admin.roles.pick')} <span className="sr-only">{v.name}</span>
            </Button>
          )}
        />
      )}
    </>
  );
}
