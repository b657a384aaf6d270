import { Alert, Button, Form, Input, Select } from 'antd';
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
import { UserGrants } from './user-grants.js';
import { useScopeLabel } from './use-scope-label.js';
import { RegionCascader } from './region-cascader.js';

interface Values {
  userId?: string;
  role?: Role;
  region?: string[];
  organisationId?: string;
  siteId?: string;
}

const FORM_FIELDS = ['userId', 'role', 'scopeId'] as const;

/** Grants a role to a user at a scope; the scope's kind follows from the role. */
export function RolesAdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.roles.title'));
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const scopeType = role ? ROLE_SCOPE[role] : undefined;
  const [failure, setFailure] = useState<string | null>(null);
  const [granted, setGranted] = useState<RoleGrant | null>(null);
  const scopeLabel = useScopeLabel(granted ? [granted] : []);
  const [lookup, setLookup] = useState<string | null>(null);
  const client = useQueryClient();
  const scopeField = scopeType === 'region' ? 'region' : scopeType === 'site' ? 'siteId' : 'organisationId';

  const mutation = useMutation({
    mutationFn: grantRole,
    onSuccess: (g) => {
      setGranted(g);
      setFailure(null);
      setLookup(g.userId);
      void client.invalidateQueries({ queryKey: roleKeys.ofUser(g.userId) });
    },
    onError: (err) => setFailure(serverError(err, t, form, FORM_FIELDS, { scopeId: scopeField })),
  });

  const onFinish = (v: Values) => {
    const scopeId =
      scopeType === 'system'
        ? 'system'
        : scopeType === 'region'
          ? v.region?.[v.region.length - 1]
          : scopeType === 'site'
            ? v.siteId?.trim()
            : v.organisationId;
    const body = { userId: v.userId?.trim() ?? '', role: v.role, scopeType, scopeId: scopeId ?? '' };
    const { data, errors } = fieldErrors(GrantRoleBody, body, t);
    if (!data) return showFieldErrors(form, errors, { scopeId: scopeField, scopeType: 'role' });
    setGranted(null);
    mutation.mutate(data);
  };

  return (
    <section aria-labelledby="roles-title" className="admin-panel narrow-panel">
      <h1 id="roles-title">{t('admin.roles.title')}</h1>
      <p>{t('admin.roles.lead')}</p>
      {granted && (
        <Alert
          type="success"
          role="status"
          showIcon
          title={t('admin.roles.granted', {
            role: t(`role.${granted.role}`),
            scope: scopeLabel(granted),
          })}
        />
      )}
      {failure && <Alert type="error" title={failure} showIcon />}
      <Form
        form={form}
        onValuesChange={clearEditedErrors(form)}
        layout="vertical"
        onFinish={onFinish}
        aria-label={t('admin.roles.title')}
      >
        <Form.Item name="userId" label={t('admin.roles.userId')} extra={t('admin.roles.userIdHint')} required>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('admin.roles.role')} required>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        {scopeType === 'region' && (
          <Form.Item name="region" label={t('scopeType.region')} required>
            <RegionCascader />
          </Form.Item>
        )}
        {scopeType === 'organisation' && (
          <Form.Item name="organisationId" label={t('scopeType.organisation')} required>
            <OrganisationSelect />
          </Form.Item>
        )}
        {scopeType === 'site' && (
          <Form.Item name="siteId" label={t('admin.roles.siteId')} required>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        {scopeType === 'system' && <p>{t('admin.roles.systemScope')}</p>}
        <div className="admin-row">
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            {t('admin.roles.grant')}
          </Button>
          <Button
            onClick={() => {
              const id = form.getFieldValue('userId') as string | undefined;
              if (id?.trim()) setLookup(id.trim());
            }}
          >
            {t('admin.roles.showGrants')}
          </Button>
        </div>
      </Form>
      {lookup && <UserGrants key={lookup} userId={lookup} />}
    </section>
  );
}
