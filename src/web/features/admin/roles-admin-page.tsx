import { Alert, Button, Form, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GrantRoleBody } from '../../../common/contract/roles.js';
import { ROLE_SCOPE, ROLES, type Role } from '../../../common/enums.js';
import { grantRole, roleKeys, type RoleGrant } from '../../api/roles.api.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { serverError, clearEditedErrors, showFieldErrors } from './admin-form-errors.js';
import { OrganisationSelect } from './organisation-select.js';
import { PersonPicker, type PickedPerson } from './person-picker.js';
import { SiteSelect } from './site-select.js';
import { UserGrants } from './user-grants.js';
import { useScopeLabel } from './use-scope-label.js';
import { RegionCascader } from './region-cascader.js';
import { useVolunteerScopes } from './volunteer-search.js';

interface Values {
  role?: Role;
  region?: string[];
  organisationId?: string;
  siteId?: string;
}

const FORM_FIELDS = ['role', 'scopeId'] as const;
/** Roles only a system admin grants: the system's own, and those that come with registration. */
const SYSTEM_ONLY: readonly Role[] = ['system_admin', 'volunteer', 'resident'];

/**
 * Grants a role: first the person, found by name, volunteer code or phone in the admin's
 * regions (or, for a department admin, among their department's members); then the role and
 * its scope, whose kind follows from the role. Region admins are offered only the roles they
 * may grant, their own region's subtree and the organisations and sites of their region;
 * department admins the organisations of their department.
 */
export function RolesAdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.roles.title'));
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const scopeType = role ? ROLE_SCOPE[role] : undefined;
  const { system, regions, departments, picks } = useVolunteerScopes();
  const ownRegion = system ? undefined : regions[0];
  // A department admin without a region grants within their department: its organisations only.
  const ownDepartment = system || ownRegion ? undefined : departments[0];
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [granted, setGranted] = useState<RoleGrant | null>(null);
  const scopeLabel = useScopeLabel(granted ? [granted] : []);
  const client = useQueryClient();
  const scopeField = scopeType === 'region' ? 'region' : scopeType === 'site' ? 'siteId' : 'organisationId';

  const mutation = useMutation({
    mutationFn: grantRole,
    onSuccess: (g) => {
      setGranted(g);
      setFailure(null);
      void client.invalidateQueries({ queryKey: roleKeys.ofUser(g.userId) });
    },
    onError: (err) => setFailure(serverError(err, t, form, FORM_FIELDS, { scopeId: scopeField })),
  });

  const onFinish = (v: Values) => {
    if (!person) return;
    const scopeId =
      scopeType === 'system'
        ? 'system'
        : scopeType === 'region'
          ? v.region?.[v.region.length - 1]
          : scopeType === 'site'
            ? v.siteId
            : v.organisationId;
    const body = { userId: person.userId, role: v.role, scopeType, scopeId: scopeId ?? '' };
    const { data, errors } = fieldErrors(GrantRoleBody, body, t);
    if (!data) return showFieldErrors(form, errors, { scopeId: scopeField, scopeType: 'role' });
    setGranted(null);
    mutation.mutate(data);
  };

  return (
    <section aria-labelledby="roles-title" className="admin-panel">
      <h1 id="roles-title">{t('admin.roles.title')}</h1>
      <p>{t('admin.roles.lead')}</p>
      {!picks && <Alert type="info" showIcon title={t('admin.roles.onlyRegionAdmins')} />}
      {picks && !person && (
        <section aria-labelledby="roles-person-title">
          <h2 id="roles-person-title">{t('admin.roles.findPerson')}</h2>
          <PersonPicker onPick={setPerson} />
        </section>
      )}
      {person && (
        <div className="admin-row roles-person" data-testid="roles-person">
          <span>
            {t('admin.roles.person', { name: person.name, code: person.volunteerCode, phone: person.phone ?? '—' })}
          </span>
          <Button
            size="small"
            onClick={() => {
              setPerson(null);
              setGranted(null);
            }}
          >
            {t('admin.roles.changePerson')}
          </Button>
        </div>
      )}
      {granted && (
        <Alert
          type="success"
          role="status"
          showIcon
          title={t('admin.roles.granted', { role: t(`role.${granted.role}`), scope: scopeLabel(granted) })}
        />
      )}
      {failure && <Alert type="error" title={failure} showIcon />}
      {person && (
        <Form
          form={form}
          onValuesChange={clearEditedErrors(form)}
          layout="vertical"
          onFinish={onFinish}
          aria-label={t('admin.roles.title')}
          className="narrow-panel"
        >
          <Form.Item name="role" label={t('admin.roles.role')} required>
            <Select
              options={ROLES.filter(
                (r) => system || (!SYSTEM_ONLY.includes(r) && (regions.length > 0 || ROLE_SCOPE[r] !== 'region')),
              ).map((r) => ({
                value: r,
                label: t(`role.${r}`),
              }))}
            />
          </Form.Item>
          {scopeType === 'region' && (
            <Form.Item name="region" label={t('scopeType.region')} required>
              <RegionCascader roots={system ? undefined : regions} />
            </Form.Item>
          )}
          {scopeType === 'organisation' && (
            <Form.Item name="organisationId" label={t('scopeType.organisation')} required>
              <OrganisationSelect regionCode={ownRegion} under={ownDepartment} />
            </Form.Item>
          )}
          {scopeType === 'site' && (
            <Form.Item name="siteId" label={t('scopeType.site')} required>
              <SiteSelect region={ownRegion} type={role === 'clerk' ? 'supermarket' : undefined} />
            </Form.Item>
          )}
          {scopeType === 'system' && <p>{t('admin.roles.systemScope')}</p>}
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            {t('admin.roles.grant')}
          </Button>
        </Form>
      )}
      {/* GET /users/:id/roles: all of them for system and region admins, a department's for its admins. */}
      {person && <UserGrants key={person.userId} userId={person.userId} name={person.name} />}
    </section>
  );
}
