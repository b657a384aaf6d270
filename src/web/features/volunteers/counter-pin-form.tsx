import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isTrivialPin, PIN_PATTERN } from '../../../common/contract/counter-pin.js';
import { setCounterPin } from '../../api/counter-pin.api.js';
import { errorText } from '../../components/error-text.js';
import { TextField } from '../../components/form-field.js';

const EMPTY = { pin: '', repeat: '' };

/** What is wrong with a new PIN and its repetition, as keys of `counterPin.errors` (the server checks the same). */
function pinProblems(form: typeof EMPTY): { pin?: string; repeat?: string } {
  if (!PIN_PATTERN.test(form.pin)) return { pin: 'format' };
  if (isTrivialPin(form.pin)) return { pin: 'trivial' };
  return form.repeat === form.pin ? {} : { repeat: 'mismatch' };
}

/**
 * The counter PIN (柜台密码): with the volunteer code or phone it names the volunteer at a points
 * supermarket counter, for those who come without a smartphone. Typed twice; never shown again.
 */
export function CounterPinForm({ volunteerCode }: { volunteerCode: string }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<{ pin?: string; repeat?: string; form?: string }>({});
  const send = useMutation({
    mutationFn: setCounterPin,
    onSuccess: () => setForm(EMPTY),
    onError: (err) => setErrors({ form: errorText(err, t) }),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = pinProblems(form);
    setErrors(Object.fromEntries(Object.entries(found).map(([field, key]) => [field, t(`counterPin.errors.${key}`)])));
    send.reset();
    if (!found.pin && !found.repeat) send.mutate({ pin: form.pin });
  };
  // Digits only, at most six: what a counter PIN can be.
  const digits = (v: string) => v.replace(/\D/g, '').slice(0, 6);
  return (
    <section className="card me-section" aria-labelledby="counter-pin-title">
      <h2 id="counter-pin-title">{t('counterPin.title')}</h2>
      <p>{t('counterPin.lead', { code: volunteerCode })}</p>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="counter-pin-form">
        {errors.form && (
          <p className="notice error" role="alert">
            {errors.form}
          </p>
        )}
        <div role="status">{send.isSuccess && <p className="notice">{t('counterPin.done')}</p>}</div>
        {(['pin', 'repeat'] as const).map((field) => (
          <TextField
            key={field}
            label={t(`counterPin.${field}`)}
            name={field === 'pin' ? 'counterPin' : 'counterPinRepeat'}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            required
            value={form[field]}
            error={errors[field]}
            hint={field === 'pin' ? t('counterPin.hint') : undefined}
            onChange={(e) => setForm({ ...form, [field]: digits(e.target.value) })}
          />
        ))}
        <p className="hint">{t('counterPin.lockNote')}</p>
        <button type="submit" className="button" disabled={send.isPending} data-testid="counter-pin-submit">
          {send.isPending ? t('common.working') : t('counterPin.submit')}
        </button>
      </form>
    </section>
  );
}
