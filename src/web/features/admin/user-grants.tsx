import { Button, Popconfirm, Table } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listUserGrants, revokeGrant, roleKeys, type RoleGrant } from '../../api/roles.api.js';
import { ErrorNotice } from '../../components/status-views.js';
import { useScopeLabel } from './use-scope-label.js';

/** The grants one user holds, each revocable; `name` is whom the admin picked. */
export function UserGrants({ userId, name }: { userId: string; name: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = roleKeys.ofUser(userId);
  const q = useQuery({ queryKey: key, queryFn: () => listUserGrants(userId) });
  const scopeLabel = useScopeLabel(q.data?.items ?? []);
  const revoke = useMutation({
    mutationFn: revokeGrant,
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });

  return (
    <section aria-labelledby="user-grants-title" className="user-grants">
      <h2 id="user-grants-title">{t('admin.roles.userGrants', { name })}</h2>
      {q.isError && <ErrorNotice error={q.error} />}
      {revoke.isError && <ErrorNotice error={revoke.error} />}
      <Table<RoleGrant>
        rowKey="id"
        size="small"
        pagination={false}
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        columns={[
          { title: t('admin.roles.role'), dataIndex: 'role', render: (r: string) => t(`role.${r}`) },
          {
            title: t('admin.roles.scope'),
            key: 'scope',
            render: (_, g) => scopeLabel(g),
          },
          {
            title: t('admin.roles.actions'),
            key: 'actions',
            render: (_, g) => (
              <Popconfirm
                title={t('admin.roles.revokeConfirm', { role: t(`role.${g.role}`) })}
                okText={t('admin.roles.revoke')}
                cancelText={t('common.cancel')}
                onConfirm={() => revoke.mutate(g.id)}
              >
                <Button danger size="small">
                  {t('admin.roles.revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </section>
  );
}
