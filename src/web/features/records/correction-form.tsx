import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CorrectionBody } from '../../../common/contract/records.js';
import { requestCorrection, type ServiceRecord } from '../../api/records.api.js';
import { TextField } from '../../components/form-field.js';
import { useFormat } from '../../components/format.js';
import { ErrorNotice } from '../../components/status-views.js';
import { fieldErrors } from '../../components/zod-messages.js';

/** Asks the organiser to correct a record's times, with a reason; the answer arrives in the inbox. */
export function CorrectionForm(props: { record: ServiceRecord; onSent: () => void; onCancel: () => void }) {
  const { record, onSent, onCancel } = props;
  const { t } = useTranslation();
  const f = useFormat();
  const [form, setForm] = useState({
    start: f.toInput(record.start),
    end: f.toInput(record.end),
    reason: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const send = useMutation({
    mutationFn: (body: { start?: string; end?: string; reason: string }) => requestCorrection(record.id, body),
    onSuccess: onSent,
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      start: form.start ? f.fromInput(form.start) : undefined,
      end: form.end ? f.fromInput(form.end) : undefined,
      reason: form.reason,
    };
    const r = fieldErrors(CorrectionBody, body, t);
    setErrors(r.errors);
    if (r.data) send.mutate(r.data);
  };
  return (
    <form className="form correction-form" onSubmit={onSubmit} noValidate aria-label={t('records.askCorrection')}>
      <TextField
        label={t('records.rightStart')}
        // The button that opened the form is gone: start the keyboard in its first field.
        autoFocus
        type="datetime-local"
        value={form.start}
        error={errors.start}
        onChange={(e) => setForm({ ...form, start: e.target.value })}
      />
      <TextField
        label={t('records.rightEnd')}
        type="datetime-local"
        value={form.end}
        error={errors.end}
        onChange={(e) => setForm({ ...form, end: e.target.value })}
      />
      <TextField
        label={t('records.reason')}
        required
        name="reason"
        value={form.reason}
        error={errors.reason}
        onChange={(e) => setForm({ ...form, reason: e.target.value })}
      />
      {send.isError && <ErrorNotice error={send.error} />}
      <p className="hero-actions">
        <button type="submit" className="button primary" disabled={send.isPending}>
          {send.isPending ? t('common.working') : t('records.sendCorrection')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </p>
    </form>
  );
}
