import { Button, Input, Select, Table } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isMainlandMobile } from '../../../common/id-numbers.js';
import { useQueries } from '@tanstack/react-query';
import { getOrganisation, organisationKeys } from '../../api/organisations.api.js';
import { searchVolunteers, volunteerKeys, type Volunteer, type VolunteerSearch } from '../../api/volunteers.api.js';
import { ErrorNotice } from '../../components/status-views.js';
import { useSession } from '../auth/use-session.js';
import { RegionCascader } from './region-cascader.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { LoadMore } from './admin-load-more.js';
import { useRegionNames } from './use-region-names.js';
import './admin-lists.css';

/**
 * The regions the signed-in person lists volunteers of: a system admin any, a region admin their
 * own (`allowed`: the registry's pages); and a department admin's departments, whose members
 * they may look up to grant a role (`picks`: the role page's person search).
 */
export function useVolunteerScopes() {
  const { me } = useSession();
  const system = !!me?.roles.some((g) => g.role === 'system_admin');
  const regions = [...new Set(me?.roles.filter((g) => g.role === 'region_admin').map((g) => g.scopeId) ?? [])];
  const departments = [...new Set(me?.roles.filter((g) => g.role === 'department_admin').map((g) => g.scopeId) ?? [])];
  const allowed = system || regions.length > 0;
  return { system, regions, departments, allowed, picks: allowed || departments.length > 0 };
}

/** The names of some organisations, by id (the id itself until it is known). */
function useOrganisationNames(ids: readonly string[]): (id: string) => string {
  const found = useQueries({
    queries: ids.map((id) => ({ queryKey: organisationKeys.one(id), queryFn: () => getOrganisation(id) })),
  });
  return (id) => found.find((q) => q.data?.id === id)?.data?.name ?? id;
}

/**
 * Region and search words for the volunteer list. A whole mainland mobile number is sent as
 * `phone` (in a POST body, never in a URL); anything else as `q`: a name prefix or volunteer code.
 */
export function VolunteerSearchForm({ onSearch }: { onSearch: (s: VolunteerSearch) => void }) {
  const { t } = useTranslation();
  const { system, regions, departments } = useVolunteerScopes();
  const regionName = useRegionNames(regions);
  // Without a region of their own, a department admin searches their department's members.
  const byDepartment = !system && regions.length === 0 && departments.length > 0;
  const organisationName = useOrganisationNames(byDepartment ? departments : []);
  const [department, setDepartment] = useState<string | undefined>(departments[0]);
  const regionId = useId();
  const textId = useId();
  const hintId = useId();
  const [path, setPath] = useState<string[]>([]);
  const [region, setRegion] = useState<string | undefined>(regions[0]);
  const [text, setText] = useState('');
  return (
    <form
      className="filter-bar volunteer-search"
      aria-label={t('admin.volunteers.searchForm')}
      onSubmit={(e) => {
        e.preventDefault();
        const words = text.trim();
        const phone = isMainlandMobile(words) ? words : undefined;
        const q = phone || !words ? undefined : words;
        if (byDepartment) return onSearch({ organisationId: department, phone, q });
        const regionCode = system ? path[path.length - 1] : region;
        onSearch({ regionCode, phone, q });
      }}
    >
      <span className="filter-item">
        <label htmlFor={regionId}>{byDepartment ? t('admin.volunteers.department') : t('admin.region')}</label>
        {byDepartment ? (
          <Select<string>
            id={regionId}
            style={{ minWidth: 160 }}
            value={department}
            onChange={setDepartment}
            options={departments.map((id) => ({ value: id, label: organisationName(id) }))}
          />
        ) : system ? (
          <RegionCascader id={regionId} value={path} onChange={setPath} />
        ) : (
          <Select<string>
            id={regionId}
            style={{ minWidth: 160 }}
            value={region}
            onChange={setRegion}
            options={regions.map((c) => ({ value: c, label: regionName(c) }))}
          />
        )}
      </span>
      <span className="filter-item">
        <label htmlFor={textId}>{t('admin.volunteers.search')}</label>
        <Input
          id={textId}
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
          aria-describedby={hintId}
          style={{ width: 240 }}
        />
      </span>
      <Button type="primary" htmlType="submit">
        {t('common.search')}
      </Button>
      <p id={hintId} className="filter-hint">
        {t('admin.volunteers.searchHint')}
      </p>
    </form>
  );
}

/** Pages of the volunteer list for a search; nothing is asked until there is one. */
export function useVolunteerPages(search: VolunteerSearch | null) {
  return useCursorPages(
    volunteerKeys.admin(search),
    (cursor) => searchVolunteers(search ?? {}, cursor),
    search !== null,
  );
}

/** Volunteers as an admin sees them (masked), with one action per row. */
export function VolunteerTable({
  pages,
  action,
}: {
  pages: ReturnType<typeof useVolunteerPages>;
  action: (v: Volunteer) => ReactNode;
}) {
  const { t } = useTranslation();
  const regionName = useRegionNames(pages.rows.map((v) => v.regionCode));
  return (
    <>
      {pages.isError && <ErrorNotice error={pages.error} />}
      <Table<Volunteer>
        rowKey="id"
        size="small"
        loading={pages.isFetching && !pages.isFetchingNextPage}
        dataSource={pages.rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: true }}
        data-testid="volunteer-table"
        locale={{ emptyText: <span className="admin-empty">{t('admin.volunteers.none')}</span> }}
        columns={[
          { title: t('admin.volunteers.name'), dataIndex: 'name' },
          { title: t('me.volunteerCode'), dataIndex: 'volunteerCode' },
          { title: t('admin.volunteers.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
          { title: t('admin.region'), dataIndex: 'regionCode', render: (c: string) => regionName(c) },
          {
            title: t('admin.volunteers.status'),
            dataIndex: 'status',
            render: (s: string, v) =>
              t(`admin.volunteers.statuses.${s}`) + (v.minor ? ` · ${t('guardian.minorTag')}` : ''),
          },
          { title: t('admin.volunteers.hours'), dataIndex: 'hours', align: 'right' },
          { title: t('admin.volunteers.stars'), dataIndex: 'starLevel', align: 'right' },
          { title: t('points.balance'), dataIndex: 'pointsBalance', align: 'right' },
          { title: t('admin.volunteers.actions'), key: 'action', render: (_, v) => action(v) },
        ]}
      />
      <LoadMore pages={pages} />
    </>
  );
}
