import { Alert, Button, Form, Input, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateOrganisationBody } from '../../../common/contract/organisations.js';
import { DEFAULT_FIELDS, ORG_KINDS, ORG_LEVELS, type OrgKind, type OrgLevel } from '../../../common/enums.js';
import { createOrganisation, organisationKeys, type Organisation } from '../../api/organisations.api.js';
import { useFieldName } from '../../components/labels.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { serverError, clearEditedErrors, showFieldErrors } from './admin-form-errors.js';
import { RegionCascader } from './region-cascader.js';

interface Values {
  name?: string;
  kind?: OrgKind;
  level?: OrgLevel;
  region?: string[];
  fields?: string[];
}

const FORM_FIELDS = ['name', 'kind', 'level', 'regionCode', 'fields'] as const;
const RENAME = { regionCode: 'region' };

interface Props {
  parent: { id: string; name: string } | null;
  onCreated: (o: Organisation) => void;
}

/** Creates an organisation under the chosen parent (or a root), checked by the shared contract first. */
export function OrganisationForm({ parent, onCreated }: Props) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: createOrganisation,
    onSuccess: (o) => {
      form.resetFields();
      setFailure(null);
      void client.invalidateQueries({ queryKey: organisationKeys.lists });
      onCreated(o);
    },
    onError: (err) => setFailure(serverError(err, t, form, FORM_FIELDS, RENAME)),
  });

  const onFinish = (v: Values) => {
    const body = {
      name: v.name ?? '',
      kind: v.kind,
      level: v.level,
      regionCode: v.region?.[v.region.length - 1] ?? '',
      fields: v.fields ?? [],
      ...(parent ? { parentId: parent.id } : {}),
    };
    const { data, errors } = fieldErrors(CreateOrganisationBody, body, t);
    if (!data) return showFieldErrors(form, errors, RENAME);
    mutation.mutate(data);
  };

  return (
    <Form
      form={form}
      onValuesChange={clearEditedErrors(form)}
      layout="vertical"
      onFinish={onFinish}
      aria-label={t('admin.organisations.create')}
    >
      <p>
        {t('admin.organisations.parent')}: <strong>{parent ? parent.name : t('admin.organisations.root')}</strong>
      </p>
      {failure && <Alert type="error" title={failure} showIcon />}
      <Form.Item name="name" label={t('admin.organisations.name')} required>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="kind" label={t('admin.organisations.kind')} required>
        <Select options={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="level" label={t('admin.organisations.level')} required>
        <Select options={ORG_LEVELS.map((l) => ({ value: l, label: t(`orgLevel.${l}`) }))} />
      </Form.Item>
      <Form.Item name="region" label={t('admin.region')} required>
        <RegionCascader />
      </Form.Item>
      <Form.Item name="fields" label={t('admin.organisations.fields')}>
        <Select mode="multiple" options={DEFAULT_FIELDS.map((f) => ({ value: f.code, label: fieldName(f.code) }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        {t('common.create')}
      </Button>
    </Form>
  );
}
