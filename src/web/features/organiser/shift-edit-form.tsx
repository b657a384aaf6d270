import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_LIMITS, PatchShiftBody } from '../../../common/contract/activities.js';
import { activityKeys, patchShift, type Shift, type ShiftPatch } from '../../api/activities.api.js';
import { signupKeys } from '../../api/signups.api.js';
import { useFormat, type Format } from '../../components/format.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { serverError, clearEditedErrors, showFieldErrors } from '../admin/admin-form-errors.js';

interface Values {
  start?: string;
  end?: string;
  capacity?: number | null;
  signupDeadline?: string;
}

const FIELDS = ['start', 'end', 'capacity', 'signupDeadline'] as const;

const valuesOf = (s: Shift, f: Format): Values => ({
  start: f.toInput(s.start),
  end: f.toInput(s.end),
  capacity: s.capacity,
  signupDeadline: f.toInput(s.signupDeadline),
});

/** What changed, as the API takes it: an emptied deadline means "until the shift ends". */
function changesOf(s: Shift, v: Values, f: Format): ShiftPatch {
  const before = valuesOf(s, f);
  const out: ShiftPatch = {};
  if (v.start !== before.start) out.start = v.start ? f.fromInput(v.start) : '';
  if (v.end !== before.end) out.end = v.end ? f.fromInput(v.end) : '';
  if (v.capacity !== before.capacity) out.capacity = v.capacity ?? undefined;
  if ((v.signupDeadline ?? '') !== before.signupDeadline) {
    out.signupDeadline = v.signupDeadline ? f.fromInput(v.signupDeadline) : null;
  }
  return out;
}

/**
 * Changes one shift's times, places and sign-up deadline in place. The server's rules (places
 * not below those taken, end after start, deadline not after the end) come back beside their
 * field; volunteers signed up are told of new times by the server.
 */
export function ShiftEditForm({ shift, activityId }: { shift: Shift; activityId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (body: ShiftPatch) => patchShift(shift.id, body),
    onSuccess: () => {
      setFailure(null);
      setOpen(false);
      void client.invalidateQueries({ queryKey: activityKeys.one(activityId) });
      void client.invalidateQueries({ queryKey: signupKeys.ofShift(shift.id) });
    },
    onError: (err) => setFailure(serverError(err, t, form, FIELDS)),
  });
  const onFinish = (v: Values) => {
    const body = changesOf(shift, v, f);
    if (Object.keys(body).length === 0) return setOpen(false);
    const { data, errors } = fieldErrors(PatchShiftBody, body, t);
    if (!data) return showFieldErrors(form, errors);
    save.mutate(data);
  };
  if (!open) {
    return (
      <Button onClick={() => setOpen(true)} data-testid="shift-edit">
        {t('organiser.shiftEdit.open')}
      </Button>
    );
  }
  return (
    <Form<Values>
      form={form}
      onValuesChange={clearEditedErrors(form)}
      layout="vertical"
      name={`shift-${shift.id}`}
      onFinish={onFinish}
      initialValues={valuesOf(shift, f)}
      aria-label={t('organiser.shiftEdit.title')}
      className="shift-edit-form"
    >
      {failure && <Alert type="error" role="alert" title={failure} />}
      <Space align="start" wrap>
        <Form.Item name="start" label={t('organiser.late.start')} required>
          <Input type="datetime-local" autoFocus />
        </Form.Item>
        <Form.Item name="end" label={t('organiser.late.end')} required>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item
          name="capacity"
          label={t('organiser.shiftEdit.capacity')}
          required
          extra={t('organiser.shiftEdit.capacityHint', { taken: shift.taken })}
        >
          <InputNumber min={1} max={ACTIVITY_LIMITS.capacityMax} />
        </Form.Item>
        <Form.Item
          name="signupDeadline"
          label={t('organiser.shiftEdit.deadline')}
          extra={t('organiser.shiftEdit.deadlineHint')}
        >
          <Input type="datetime-local" />
        </Form.Item>
      </Space>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="shift-save">
          {t('common.save')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
