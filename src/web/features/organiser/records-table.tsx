import { EmptyText, FLAG_COLOUR } from './empty-text.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal, Space, Table, Tag } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmRecords, listRecords, recordKeys, revokeRecord, type ServiceRecord } from '../../api/records.api.js';
import { errorText } from '../../components/error-text.js';
import { useFormat } from '../../components/format.js';
import { useActivityTitles } from '../records/use-activity-titles.js';
import { useVolunteerNames } from './use-names.js';

/** Records of the organisation's subtree; pending ones can be confirmed together (all or none). */
export function RecordsTable({ org, status }: { org: string; status?: 'pending' }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { message } = App.useApp();
  const client = useQueryClient();
  const reasonId = useId();
  const [selected, setSelected] = useState<string[]>([]);
  const [revoking, setRevoking] = useState<ServiceRecord | null>(null);
  const [reason, setReason] = useState('');
  const q = useQuery({
    queryKey: recordKeys.ofOrganisation(org, status),
    queryFn: () => listRecords({ organisationId: org, status }),
  });
  const items = q.data?.items ?? [];
  const names = useVolunteerNames(items.map((r) => r.shiftId));
  const titles = useActivityTitles(items.map((r) => r.activityId));
  const refresh = () => client.invalidateQueries({ queryKey: recordKeys.organiser });
  const failed = (err: unknown) => void message.error(errorText(err, t, { withMessage: true }));
  const confirm = useMutation({
    mutationFn: () => confirmRecords(selected),
    onSuccess: (r) => {
      setSelected([]);
      void refresh();
      void message.success(t('organiser.records.confirmed', { count: r.items.length }));
    },
    onError: failed,
  });
  const revoke = useMutation({
    mutationFn: () => revokeRecord(revoking?.id ?? '', reason.trim()),
    onSuccess: () => {
      setRevoking(null);
      setReason('');
      void refresh();
    },
    onError: failed,
  });
  return (
    <>
      {status === 'pending' && (
        <Space className="admin-row">
          <Button
            type="primary"
            disabled={selected.length === 0}
            loading={confirm.isPending}
            onClick={() => confirm.mutate()}
            data-testid="confirm-selected"
          >
            {t('organiser.records.confirmSelected', { count: selected.length })}
          </Button>
        </Space>
      )}
      <Table<ServiceRecord>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: <EmptyText>{t('records.none')}</EmptyText> }}
        rowSelection={
          status === 'pending'
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getTitleCheckboxProps: () => ({ 'aria-label': t('organiser.records.selectAll') }),
                getCheckboxProps: (r) => ({
                  'aria-label': t('organiser.records.select', { name: names.get(r.volunteerId) ?? '' }),
                }),
              }
            : undefined
        }
        columns={[
          { title: t('organiser.signups.name'), dataIndex: 'volunteerId', render: (v: string) => names.get(v) ?? '—' },
          {
            title: t('organiser.records.activity'),
            dataIndex: 'activityId',
            render: (v: string) => titles.get(v) ?? '—',
          },
          { title: t('activities.when'), key: 'when', render: (_, r) => f.span(r.start, r.end) },
          { title: t('organiser.records.hours'), dataIndex: 'hours', render: (h: number) => h.toFixed(1) },
          { title: t('organiser.records.source'), dataIndex: 'source', render: (s: string) => t(`recordSource.${s}`) },
          {
            title: t('checkin.flagsTitle'),
            dataIndex: 'flags',
            render: (fl: string[]) =>
              fl.map((x) => (
                <Tag key={x} color={FLAG_COLOUR}>
                  {t(`flags.${x}`, { defaultValue: x })}
                </Tag>
              )),
          },
          {
            title: t('organiser.activities.status'),
            dataIndex: 'status',
            render: (s: ServiceRecord['status']) => <Tag>{t(`recordStatus.${s}`)}</Tag>,
          },
          {
            title: t('organiser.signups.actions'),
            key: 'actions',
            render: (_, r) =>
              r.status !== 'revoked' && (
                <Button size="small" danger onClick={() => setRevoking(r)}>
                  {t('organiser.records.revoke')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={!!revoking}
        title={t('organiser.records.revokeTitle')}
        okText={t('organiser.records.revoke')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: revoke.isPending }}
        cancelText={t('common.cancel')}
        onOk={() => revoke.mutate()}
        onCancel={() => setRevoking(null)}
      >
        <label htmlFor={reasonId}>{t('organiser.records.revokeReason')}</label>
        <Input.TextArea id={reasonId} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
