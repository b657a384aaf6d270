import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkinKeys, enterAttendance } from '../../api/checkin.api.js';
import type { ShiftSignup } from '../../api/signups.api.js';
import { useFormat } from '../../components/format.js';
import { serverError } from '../admin/admin-form-errors.js';
import { signupPeople, VolunteerPicker } from './volunteer-picker.js';

interface Values {
  volunteerId?: string;
  kind: 'in' | 'out';
  at?: string;
  reason?: string;
}

/**
 * Checks in or out by hand, with a reason, for someone without a phone; a past time is clipped
 * to the shift. The picker searches the shift's approved sign-ups by name or volunteer code:
 * the server records attendance for them only.
 */
export function HandEntry({ shiftId, signups }: { shiftId: string; signups: ShiftSignup[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (v: Values) =>
      enterAttendance(shiftId, {
        volunteerId: v.volunteerId ?? '',
        kind: v.kind,
        at: v.at ? f.fromInput(v.at) : undefined,
        reason: v.reason?.trim() ?? '',
      }),
    onSuccess: (_, v) => {
      setFailure(null);
      setDone(t('organiser.hand.done', { name: signups.find((s) => s.volunteerId === v.volunteerId)?.volunteerName }));
      form.resetFields(['volunteerId', 'at', 'reason']);
      void client.invalidateQueries({ queryKey: checkinKeys.attendance(shiftId) });
    },
    onError: (err) => {
      setDone(null);
      setFailure(serverError(err, t, form, ['volunteerId', 'at', 'reason']));
    },
  });
  const people = signups.filter((s) => s.status === 'approved' || s.status === 'attended');
  return (
    <section className="admin-panel wide" aria-labelledby="hand-title">
      <h2 id="hand-title">{t('organiser.hand.title')}</h2>
      {failure && <Alert type="error" role="alert" title={failure} />}
      <div role="status">{done && <Alert type="success" title={done} />}</div>
      <Form<Values>
        form={form}
        layout="inline"
        name="hand"
        initialValues={{ kind: 'in' }}
        onFinish={(v) => send.mutate(v)}
        aria-label={t('organiser.hand.title')}
      >
        <Form.Item
          name="volunteerId"
          label={t('organiser.signups.name')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <VolunteerPicker groups={[{ label: t('organiser.picker.approved'), people: signupPeople(people) }]} />
        </Form.Item>
        <Form.Item name="kind" label={t('checkin.what')}>
          <Radio.Group
            options={[
              { value: 'in', label: t('checkin.in') },
              { value: 'out', label: t('checkin.out') },
            ]}
          />
        </Form.Item>
        <Form.Item name="at" label={t('organiser.hand.at')} extra={t('organiser.hand.atHint')}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('organiser.hand.reason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input style={{ minWidth: 220 }} />
        </Form.Item>
        <Button htmlType="submit" loading={send.isPending}>
          {t('organiser.hand.submit')}
        </Button>
      </Form>
    </section>
  );
}
