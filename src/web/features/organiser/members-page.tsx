import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Radio, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBERSHIP_ROLES } from '../../../common/enums.js';
import {
  addMemberByCode,
  answerMembership,
  listMembers,
  organisationKeys,
  type Member,
  type MemberRole,
} from '../../api/organisations.api.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice } from '../../components/status-views.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { serverError, clearEditedErrors, showFieldErrors } from '../admin/admin-form-errors.js';
import { EmptyText } from './empty-text.js';
import { useCurrentOrganisation } from './use-organisation.js';

/** Members (成员) of the organisation the console works on: the list, and adding one by volunteer code. */
export function MembersPage() {
  const { t } = useTranslation();
  usePageTitle(t('organiser.members.title'));
  const [org] = useCurrentOrganisation();
  return (
    <section aria-labelledby="members-title">
      <h1 id="members-title">{t('organiser.members.title')}</h1>
      {!org ? (
        <Alert type="info" title={t('organiser.pickOrg')} />
      ) : (
        <>
          <AddMemberForm org={org} />
          <MembersTable org={org} />
        </>
      )}
    </section>
  );
}

function MembersTable({ org }: { org: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useCursorPages(organisationKeys.members(org), (cursor) => listMembers(org, cursor));
  return (
    <>
      <h2 className="members-list-title">{t('organiser.members.list')}</h2>
      {q.isError && <Alert type="error" role="alert" title={t('errors.UNKNOWN')} />}
      <Table<Member>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.rows}
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('organiser.members.none')}</EmptyText> }}
        columns={[
          {
            title: t('organiser.members.name'),
            dataIndex: 'volunteerName',
            render: (name: string | null) => name ?? <span className="hint">{t('organiser.members.hidden')}</span>,
          },
          { title: t('organiser.members.code'), dataIndex: 'volunteerCode' },
          {
            title: t('organiser.members.role'),
            dataIndex: 'role',
            render: (r: MemberRole) => t(`organiser.members.roles.${r}`),
          },
          {
            title: t('organiser.members.status'),
            dataIndex: 'status',
            render: (s: Member['status']) => t(`membership.status.${s}`),
          },
          { title: t('organiser.members.joined'), dataIndex: 'joinedAt', render: (d: string) => f.date(d) },
          {
            title: t('organiser.members.actions'),
            key: 'actions',
            render: (_: unknown, m: Member) => <MemberActions org={org} m={m} />,
          },
        ]}
      />
      {q.hasNextPage && (
        <Button className="admin-row" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('activities.loadMore')}
        </Button>
      )}
    </>
  );
}

type Action = 'accept' | 'decline' | 'end';

/** What the organisation's admins can do in each status: answer an application, end or withdraw. */
const ACTIONS: Record<Member['status'], Action[]> = {
  applied: ['accept', 'decline'],
  invited: ['end'],
  active: ['end'],
  declined: [],
  ended: [],
};

function MemberActions({ org, m }: { org: string; m: Member }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const act = useMutation({
    mutationFn: (action: Action) => answerMembership(m.id, action),
    onSuccess: () => void client.invalidateQueries({ queryKey: organisationKeys.members(org) }),
  });
  const label = (a: Action) => t(`organiser.members.${a === 'end' && m.status === 'invited' ? 'withdraw' : a}`);
  return (
    <span className="admin-row">
      {ACTIONS[m.status].map((a) => (
        <Button
          key={a}
          size="small"
          type={a === 'accept' ? 'primary' : 'default'}
          danger={a === 'end' && m.status === 'active'}
          autoInsertSpace={false}
          loading={act.isPending && act.variables === a}
          aria-label={t('organiser.members.actionOn', { action: label(a), who: m.volunteerName ?? m.volunteerCode })}
          onClick={() => act.mutate(a)}
        >
          {label(a)}
        </Button>
      ))}
      {act.isError && <ErrorNotice error={act.error} />}
    </span>
  );
}

interface Values {
  volunteerCode?: string;
  role: MemberRole;
}

const FIELDS = ['volunteerCode', 'role'] as const;

function AddMemberForm({ org }: { org: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (v: { code: string; role: MemberRole }) => addMemberByCode(org, v.code, v.role),
    onSuccess: (_m, v) => {
      setAdded(v.code);
      setFailure(null);
      form.resetFields();
      void client.invalidateQueries({ queryKey: organisationKeys.members(org) });
    },
    onError: (err) => setFailure(serverError(err, t, form, FIELDS)),
  });
  const onFinish = (v: Values) => {
    const code = (v.volunteerCode ?? '').trim();
    setAdded(null);
    if (!code) return showFieldErrors(form, { volunteerCode: t('organiser.members.codeRequired') });
    send.mutate({ code, role: v.role });
  };
  return (
    <Form<Values>
      form={form}
      onValuesChange={clearEditedErrors(form)}
      layout="vertical"
      name="add-member"
      initialValues={{ role: 'member' }}
      onFinish={onFinish}
      aria-labelledby="add-member-title"
      className="narrow-panel"
    >
      <h2 id="add-member-title">{t('organiser.members.add')}</h2>
      {failure && <Alert type="error" role="alert" title={failure} />}
      <div role="status">{added && <Alert type="success" title={t('organiser.members.added', { code: added })} />}</div>
      <Form.Item name="volunteerCode" label={t('organiser.members.code')} required>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="role" label={t('organiser.members.role')}>
        <Radio.Group
          aria-label={t('organiser.members.role')}
          options={MEMBERSHIP_ROLES.map((r) => ({ value: r, label: t(`organiser.members.roles.${r}`) }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={send.isPending}>
        {t('organiser.members.submit')}
      </Button>
    </Form>
  );
}
