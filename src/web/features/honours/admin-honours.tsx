import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordHonourBody } from '../../../common/contract/honours.js';
import { HONOUR_LEVELS, type HonourLevel, type HonourSubjectKind } from '../../../common/enums.js';
import { deleteHonour, honourKeys, listHonours, recordHonour, type Honour } from '../../api/honours.api.js';
import { errorText } from '../../components/error-text.js';
import { ErrorNotice } from '../../components/status-views.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { clearEditedErrors, serverError, showFieldErrors } from '../admin/admin-form-errors.js';
import { HonourImage, HonourImageUpload } from './honour-image.js';

interface Values {
  name?: string;
  level?: HonourLevel;
  year?: number | null;
  issuer?: string;
}

const FIELDS = ['name', 'level', 'year', 'issuer'] as const;

/** The "add honour" dialog: name, level, year and issuer of an award the subject won. */
function AddHonourDialog({
  kind,
  id,
  open,
  onClose,
  onRecorded,
}: {
  kind: HonourSubjectKind;
  id: string;
  open: boolean;
  onClose: () => void;
  onRecorded: (h: Honour) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: recordHonour,
    onSuccess: (h) => {
      setFailure(null);
      form.resetFields();
      onRecorded(h);
    },
    onError: (err) => setFailure(serverError(err, t, form, FIELDS)),
  });
  const onFinish = (v: Values) => {
    const { data, errors } = fieldErrors(
      RecordHonourBody,
      {
        subjectKind: kind,
        subjectId: id,
        name: v.name,
        level: v.level,
        year: v.year ?? undefined,
        issuer: v.issuer?.trim() || undefined,
      },
      t,
    );
    if (!data) return showFieldErrors(form, errors);
    add.mutate(data);
  };
  return (
    <Modal
      open={open}
      title={t('honours.add')}
      okText={t('honours.record')}
      okButtonProps={{ loading: add.isPending }}
      onOk={() => form.submit()}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} />}
      <Form
        form={form}
        name="honour"
        layout="vertical"
        onValuesChange={clearEditedErrors(form)}
        onFinish={onFinish}
        aria-label={t('honours.add')}
      >
        <Form.Item name="name" label={t('honours.name')} extra={t('honours.nameHint')} required>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="level" label={t('honours.levelLabel')} required>
          <Select options={HONOUR_LEVELS.map((l) => ({ value: l, label: t(`honours.level.${l}`) }))} />
        </Form.Item>
        <Form.Item name="year" label={t('honours.year')} required>
          <InputNumber min={1949} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="issuer" label={t('honours.issuer')} extra={t('honours.issuerHint')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * An admin's view of a subject's honours: the list (deleting one the admin recorded or could
 * have, which for a volunteer takes back its points; uploading or replacing its certificate
 * image) and the "add honour" dialog.
 */
export function AdminHonours({ kind, id }: { kind: HonourSubjectKind; id: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = honourKeys.of(kind, id);
  const list = useQuery({ queryKey: key, queryFn: () => listHonours({ subjectKind: kind, subjectId: id }) });
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: ['honours'] });
  const remove = useMutation({
    mutationFn: deleteHonour,
    onSuccess: () => {
      setFailure(null);
      setNotice(t('honours.deleted'));
      refresh();
    },
    onError: (err) => setFailure(errorText(err, t)),
  });
  return (
    <div className="admin-honours" data-testid="admin-honours">
      {list.isError && <ErrorNotice error={list.error} />}
      <div role="status">{notice && <Alert type="success" showIcon title={notice} />}</div>
      {failure && <Alert type="error" showIcon title={failure} />}
      <Table<Honour>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <span className="admin-empty">{t('honours.none')}</span> }}
        columns={[
          { title: t('honours.name'), dataIndex: 'name' },
          {
            title: t('honours.levelLabel'),
            dataIndex: 'level',
            render: (l: HonourLevel | null) => (l ? t(`honours.level.${l}`) : '—'),
          },
          { title: t('honours.year'), dataIndex: 'year', render: (y: number | null) => y ?? '—' },
          { title: t('honours.issuer'), dataIndex: 'issuer', render: (i: string | null) => i ?? '—' },
          { title: t('honours.image'), key: 'image', render: (_: unknown, h: Honour) => <HonourImage honour={h} /> },
          ...(kind === 'volunteer'
            ? [{ title: t('honours.pointsLabel'), dataIndex: 'points', align: 'right' as const }]
            : []),
          {
            title: t('honours.actions'),
            key: 'actions',
            render: (_: unknown, h: Honour) =>
              h.canDelete && (
                <Space wrap>
                  <HonourImageUpload
                    honour={h}
                    onUploaded={() => {
                      setFailure(null);
                      setNotice(t('honours.imageUploaded', { name: h.name }));
                      refresh();
                    }}
                    onError={(err) => {
                      setNotice(null);
                      setFailure(errorText(err, t));
                    }}
                  />
                  <Popconfirm
                    title={t('honours.deleteConfirm', { name: h.name })}
                    okText={t('honours.delete')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => remove.mutate(h.id)}
                  >
                    <Button danger size="small">
                      {t('honours.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <Button
        type="primary"
        onClick={() => {
          setNotice(null);
          setOpen(true);
        }}
      >
        {t('honours.add')}
      </Button>
      <AddHonourDialog
        kind={kind}
        id={id}
        open={open}
        onClose={() => setOpen(false)}
        onRecorded={(h) => {
          setOpen(false);
          setNotice(
            h.points > 0
              ? t('honours.recordedWithPoints', { name: h.name, count: h.points })
              : t('honours.recorded', { name: h.name }),
          );
          refresh();
        }}
      />
    </div>
  );
}
