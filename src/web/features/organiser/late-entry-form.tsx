import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LateEntryBody } from '../../../common/contract/records.js';
import { activityKeys, getActivity, organisationActivities } from '../../api/activities.api.js';
import { createLateEntry, recordKeys } from '../../api/records.api.js';
import { shiftSignups, signupKeys } from '../../api/signups.api.js';
import { useFormat } from '../../components/format.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { serverError, clearEditedErrors, showFieldErrors } from '../admin/admin-form-errors.js';
import { signupPeople, useMemberPeople, VolunteerPicker } from './volunteer-picker.js';

interface Values {
  activityId?: string;
  shiftId?: string;
  who: 'pick' | 'code';
  volunteerId?: string;
  volunteerCode?: string;
  start?: string;
  end?: string;
  content?: string;
  evidence?: string;
}

const FIELDS = [
  'activityId',
  'shiftId',
  'volunteerId',
  'volunteerCode',
  'start',
  'end',
  'content',
  'evidence',
] as const;

/** A late entry (补录) with evidence; it stays pending until a different organiser confirms it. */
export function LateEntryForm({ org }: { org: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const activityId = Form.useWatch('activityId', form);
  const shiftId = Form.useWatch('shiftId', form);
  const who = Form.useWatch('who', form);
  const members = useMemberPeople(org);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const activities = useQuery({
    queryKey: activityKeys.ofOrganisation(org),
    queryFn: () => organisationActivities(org),
  });
  const activity = useQuery({
    queryKey: activityKeys.one(activityId),
    queryFn: () => getActivity(activityId ?? ''),
    enabled: !!activityId,
  });
  const people = useQuery({
    queryKey: signupKeys.ofShift(shiftId),
    queryFn: () => shiftSignups(shiftId ?? ''),
    enabled: !!shiftId,
  });
  const send = useMutation({
    mutationFn: createLateEntry,
    onSuccess: () => {
      setDone(true);
      setFailure(null);
      form.resetFields();
      void client.invalidateQueries({ queryKey: recordKeys.organiser });
    },
    onError: (err) => setFailure(serverError(err, t, form, FIELDS)),
  });
  const onFinish = (v: Values) => {
    const body = {
      ...(v.who === 'code' ? { volunteerCode: v.volunteerCode ?? '' } : { volunteerId: v.volunteerId ?? '' }),
      activityId: v.activityId ?? '',
      shiftId: v.shiftId || undefined,
      start: v.start ? f.fromInput(v.start) : '',
      end: v.end ? f.fromInput(v.end) : '',
      content: v.content ?? '',
      evidence: v.evidence ?? '',
    };
    const { data, errors } = fieldErrors(LateEntryBody, body, t);
    setDone(false);
    if (!data) return showFieldErrors(form, errors);
    send.mutate(data);
  };
  return (
    <Form<Values>
      form={form}
      onValuesChange={clearEditedErrors(form)}
      layout="vertical"
      name="late"
      onFinish={onFinish}
      aria-label={t('organiser.records.late')}
      className="narrow-panel"
      initialValues={{ who: 'pick' }}
    >
      <p>{t('organiser.late.lead')}</p>
      {failure && <Alert type="error" role="alert" title={failure} />}
      <div role="status">{done && <Alert type="success" title={t('organiser.late.done')} />}</div>
      <Form.Item name="activityId" label={t('organiser.records.activity')} required>
        <Select
          options={(activities.data?.items ?? []).map((a) => ({ value: a.id, label: a.title }))}
          onChange={() => form.setFieldsValue({ shiftId: undefined, volunteerId: undefined })}
        />
      </Form.Item>
      <Form.Item name="shiftId" label={t('organiser.late.shift')} required>
        <Select
          options={(activity.data?.shifts ?? []).map((s) => ({ value: s.id, label: f.span(s.start, s.end) }))}
          onChange={() => form.setFieldsValue({ volunteerId: undefined })}
        />
      </Form.Item>
      <Form.Item name="who" label={t('organiser.picker.how')}>
        <Radio.Group
          options={[
            { value: 'pick', label: t('organiser.picker.byName') },
            { value: 'code', label: t('organiser.picker.byCode') },
          ]}
        />
      </Form.Item>
      {who === 'code' ? (
        <Form.Item name="volunteerCode" label={t('organiser.members.code')} required>
          <Input autoComplete="off" data-testid="late-volunteer-code" />
        </Form.Item>
      ) : (
        <Form.Item name="volunteerId" label={t('organiser.signups.name')} required extra={t('organiser.picker.hint')}>
          <VolunteerPicker
            groups={[
              { label: t('organiser.picker.signedUp'), people: signupPeople(people.data?.items ?? []) },
              { label: t('organiser.picker.members'), people: members },
            ]}
          />
        </Form.Item>
      )}
      <Form.Item name="start" label={t('organiser.late.start')} required>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="end" label={t('organiser.late.end')} required>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="content" label={t('organiser.late.content')} required>
        <Input />
      </Form.Item>
      <Form.Item name="evidence" label={t('organiser.late.evidence')} required extra={t('organiser.late.evidenceHint')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={send.isPending}>
        {t('organiser.late.submit')}
      </Button>
    </Form>
  );
}
