import { EmptyText, FLAG_COLOUR } from './empty-text.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  confirmRecords,
  listRecords,
  recordKeys,
  revokeRecord,
  type ListedRecord,
  type RecordFilters,
} from '../../api/records.api.js';
import { errorText } from '../../components/error-text.js';
import { useFormat } from '../../components/format.js';
import { useCursorPages } from '../../components/use-cursor-pages.js';
import { LoadMore } from '../admin/admin-load-more.js';
import { rangeIsValid } from './records-filters.js';
import { TableBox } from './table-box.js';

/**
 * Records of the organisation's subtree as the filters choose them, naming who served, in
 * which activity, when (on the platform's clock) and for how long. Pending ones are confirmed
 * one by one (asked once more) or together (all or none); any that still counts can be revoked
 * with a reason. The table scrolls inside its box on a phone.
 */
export function RecordsTable({ org, filters }: { org: string; filters: RecordFilters }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { message } = App.useApp();
  const client = useQueryClient();
  const reasonId = useId();
  const [selected, setSelected] = useState<string[]>([]);
  const [revoking, setRevoking] = useState<ListedRecord | null>(null);
  const [reason, setReason] = useState('');
  const pending = filters.status === 'pending';
  const pages = useCursorPages(
    recordKeys.ofOrganisation(org, filters),
    (cursor) => listRecords({ organisationId: org, ...filters, cursor }),
    rangeIsValid(filters),
  );
  const refresh = () => client.invalidateQueries({ queryKey: recordKeys.organiser });
  const failed = (err: unknown) => void message.error(errorText(err, t));
  const confirm = useMutation({
    mutationFn: (ids: string[]) => confirmRecords(ids),
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
      void message.success(t('organiser.records.revoked'));
    },
    onError: failed,
  });
  return (
    <>
      {pending && (
        <Space className="admin-row">
          <Button
            type="primary"
            disabled={selected.length === 0}
            loading={confirm.isPending && selected.length > 0}
            onClick={() => confirm.mutate(selected)}
            data-testid="confirm-selected"
          >
            {t('organiser.records.confirmSelected', { count: selected.length })}
          </Button>
        </Space>
      )}
      <TableBox label={t('organiser.records.listLabel')}>
        <Table<ListedRecord>
          rowKey="id"
          size="small"
          loading={pages.isFetching}
          dataSource={pages.rows}
          pagination={false}
          locale={{ emptyText: <EmptyText>{t('records.none')}</EmptyText> }}
          rowSelection={
            pending
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys.map(String)),
                  getTitleCheckboxProps: () => ({ 'aria-label': t('organiser.records.selectAll') }),
                  getCheckboxProps: (r) => ({ 'aria-label': t('organiser.records.select', { name: r.volunteerName }) }),
                }
              : undefined
          }
          columns={[
            {
              title: t('organiser.records.volunteer'),
              key: 'volunteer',
              render: (_, r) => (
                <span className="record-volunteer">
                  <span>{r.volunteerName}</span>
                  <span className="record-code">{r.volunteerCode}</span>
                </span>
              ),
            },
            { title: t('organiser.records.activity'), dataIndex: 'activityTitle' },
            { title: t('activities.when'), key: 'when', render: (_, r) => f.span(r.start, r.end) },
            { title: t('organiser.records.hours'), dataIndex: 'hours', render: (h: number) => h.toFixed(1) },
            {
              title: t('organiser.records.source'),
              dataIndex: 'source',
              render: (s: string) => t(`recordSource.${s}`),
            },
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
              render: (s: ListedRecord['status']) => <Tag data-testid="record-status">{t(`recordStatus.${s}`)}</Tag>,
            },
            {
              title: t('organiser.signups.actions'),
              key: 'actions',
              render: (_, r) => (
                <Space size="small">
                  {r.status === 'pending' && (
                    <Popconfirm
                      title={t('organiser.records.confirmOne')}
                      description={t('organiser.records.confirmOneHint', {
                        name: r.volunteerName,
                        hours: r.hours.toFixed(1),
                      })}
                      okText={t('organiser.records.confirmYes')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => confirm.mutateAsync([r.id]).catch(() => undefined)}
                    >
                      <Button
                        size="small"
                        type="primary"
                        autoInsertSpace={false}
                        aria-label={t('organiser.records.confirmRow', { name: r.volunteerName })}
                        data-testid="record-confirm"
                      >
                        {t('organiser.records.confirm')}
                      </Button>
                    </Popconfirm>
                  )}
                  {r.status !== 'revoked' && (
                    <Button
                      size="small"
                      danger
                      autoInsertSpace={false}
                      aria-label={t('organiser.records.revokeRow', { name: r.volunteerName })}
                      onClick={() => setRevoking(r)}
                    >
                      {t('organiser.records.revoke')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </TableBox>
      <LoadMore pages={pages} />
      <Modal
        open={!!revoking}
        title={t('organiser.records.revokeTitle')}
        okText={t('organiser.records.revoke')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: revoke.isPending }}
        cancelText={t('common.cancel')}
        onOk={() => revoke.mutate()}
        onCancel={() => setRevoking(null)}
      >
        {revoking && (
          <p>{t('organiser.records.revokeWhat', { name: revoking.volunteerName, title: revoking.activityTitle })}</p>
        )}
        <label htmlFor={reasonId}>{t('organiser.records.revokeReason')}</label>
        <Input.TextArea id={reasonId} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
