import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddQualificationBody } from '../../../common/contract/signups.js';
import {
  addQualification,
  listQualificationKinds,
  listQualifications,
  volunteerKeys,
  type Qualification,
} from '../../api/volunteers.api.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice } from '../../components/status-views.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { isEnglish } from '../../i18n/i18n.js';
import { serverError, clearEditedErrors, showFieldErrors } from './admin-form-errors.js';

interface Values {
  kind?: string;
  expiresAt?: string;
}

/**
 * A volunteer's qualifications (资质), and recording one the admin has verified: the server
 * lets admins who see the volunteer record them, never the volunteer themself.
 */
export function VolunteerQualifications({ volunteerId }: { volunteerId: string }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const key = volunteerKeys.qualifications(volunteerId);
  const list = useQuery({ queryKey: key, queryFn: () => listQualifications(volunteerId) });
  const kinds = useQuery({
    queryKey: volunteerKeys.qualificationKinds,
    queryFn: listQualificationKinds,
    staleTime: Infinity,
  });
  const kindName = (code: string, fallback: string) => {
    const k = kinds.data?.items.find((x) => x.code === code);
    return k ? (isEnglish(i18n.language) ? k.nameEn : k.nameZh) : fallback;
  };
  const add = useMutation({
    mutationFn: (body: { kind: string; expiresAt?: string }) => addQualification(volunteerId, body),
    onSuccess: (q) => {
      setFailure(null);
      setAdded(kindName(q.kind, q.kindName));
      form.resetFields();
      void client.invalidateQueries({ queryKey: key });
    },
    onError: (err) => setFailure(serverError(err, t, form, ['kind', 'expiresAt'])),
  });
  const onFinish = (v: Values) => {
    const { data, errors } = fieldErrors(
      AddQualificationBody,
      { kind: v.kind, expiresAt: v.expiresAt || undefined },
      t,
    );
    if (!data) return showFieldErrors(form, errors);
    setAdded(null);
    add.mutate(data);
  };
  return (
    <>
      {list.isError && <ErrorNotice error={list.error} />}
      <Table<Qualification>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <span className="admin-empty">{t('admin.volunteers.noQualifications')}</span> }}
        columns={[
          { title: t('admin.volunteers.qualification'), key: 'kind', render: (_, q) => kindName(q.kind, q.kindName) },
          {
            title: t('admin.volunteers.expiresAt'),
            dataIndex: 'expiresAt',
            render: (d: string | null) => (d ? f.date(d) : t('admin.volunteers.noExpiry')),
          },
          { title: t('admin.volunteers.recordedAt'), dataIndex: 'createdAt', render: (d: string) => f.date(d) },
        ]}
      />
      <h2 className="drawer-subtitle">{t('admin.volunteers.addQualification')}</h2>
      <div role="status">
        {added && <Alert type="success" showIcon title={t('admin.volunteers.qualificationAdded', { kind: added })} />}
      </div>
      {failure && <Alert type="error" showIcon title={failure} />}
      <Form
        form={form}
        onValuesChange={clearEditedErrors(form)}
        layout="vertical"
        name="qualification"
        onFinish={onFinish}
        aria-label={t('admin.volunteers.addQualification')}
      >
        <div className="admin-row">
          <Form.Item name="kind" label={t('admin.volunteers.qualification')} required>
            <Select
              style={{ minWidth: 180 }}
              loading={kinds.isPending}
              options={(kinds.data?.items ?? []).map((k) => ({ value: k.code, label: kindName(k.code, k.nameZh) }))}
            />
          </Form.Item>
          <Form.Item name="expiresAt" label={t('admin.volunteers.expiresAt')} extra={t('admin.volunteers.expiresHint')}>
            <Input type="date" />
          </Form.Item>
        </div>
        <Button htmlType="submit" loading={add.isPending}>
          {t('admin.volunteers.addQualification')}
        </Button>
      </Form>
    </>
  );
}
