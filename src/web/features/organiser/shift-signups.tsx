import { EmptyText, FLAG_COLOUR } from './empty-text.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { activityKeys } from '../../api/activities.api.js';
import {
  approveSignup,
  cancelSignup,
  markNoShow,
  rejectSignup,
  shiftSignups,
  signupKeys,
  type ShiftSignup,
} from '../../api/signups.api.js';
import { errorText } from '../../components/error-text.js';
import { TableBox } from './table-box.js';

type Action = 'approve' | 'reject' | 'noShow' | 'cancel';
const RUN: Record<Action, (id: string) => Promise<unknown>> = {
  approve: approveSignup,
  reject: (id) => rejectSignup(id),
  noShow: markNoShow,
  cancel: cancelSignup,
};

/** A shift's sign-ups in arrival order (the wait-list in its order), with the organiser's decisions. */
export function ShiftSignups({ shiftId, activityId }: { shiftId: string; activityId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const q = useQuery({ queryKey: signupKeys.ofShift(shiftId), queryFn: () => shiftSignups(shiftId) });
  const act = useMutation({
    mutationFn: ({ action, id }: { action: Action; id: string }) => RUN[action](id),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: signupKeys.ofShift(shiftId) });
      void client.invalidateQueries({ queryKey: activityKeys.one(activityId) });
    },
    onError: (err) => void message.error(errorText(err, t)),
  });
  const button = (s: ShiftSignup, action: Action, danger = false) => (
    <Button
      size="small"
      danger={danger}
      onClick={() => act.mutate({ action, id: s.id })}
      aria-label={`${t(`organiser.signups.${action}`)} ${s.volunteerName}`}
    >
      {t(`organiser.signups.${action}`)}
    </Button>
  );
  return (
    <TableBox label={t('organiser.signups.listLabel')}>
      <Table<ShiftSignup>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('organiser.signups.none')}</EmptyText> }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 56 },
          { title: t('organiser.signups.name'), dataIndex: 'volunteerName' },
          { title: t('me.volunteerCode'), dataIndex: 'volunteerCode' },
          {
            title: t('organiser.activities.status'),
            dataIndex: 'status',
            render: (s: ShiftSignup['status']) => <Tag>{t(`signupStatus.${s}`)}</Tag>,
          },
          {
            title: t('organiser.signups.noShows'),
            dataIndex: 'noShowCount',
            render: (n: number) => (n > 0 ? <Tag color={FLAG_COLOUR}>{n}</Tag> : n),
          },
          {
            title: t('organiser.signups.actions'),
            key: 'actions',
            render: (_, s) => (
              <Space wrap>
                {s.status === 'applied' && button(s, 'approve')}
                {(s.status === 'applied' || s.status === 'waitlisted') && button(s, 'reject', true)}
                {s.status === 'approved' && button(s, 'noShow')}
                {(s.status === 'approved' || s.status === 'applied' || s.status === 'waitlisted') &&
                  button(s, 'cancel', true)}
              </Space>
            ),
          },
        ]}
      />
    </TableBox>
  );
}
