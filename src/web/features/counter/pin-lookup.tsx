import { Button, Input } from 'antd';
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { PIN_PATTERN } from '../../../common/contract/counter-pin.js';
import type { MemberLookupInput } from '../../api/supermarkets.api.js';

/** A mainland mobile number names the account's phone; anything else is taken as a volunteer code. */
const PHONE = /^1\d{10}$/;

/** The look-up body for what the clerk typed: `{phone, pin}` or `{volunteerCode, pin}`. */
export function pinLookupBody(login: string, pin: string): MemberLookupInput {
  const who = login.replace(/\s+/g, '');
  return PHONE.test(who) ? { phone: who, pin } : { volunteerCode: who.toUpperCase(), pin };
}

/**
 * For volunteers without a smartphone: the clerk types the volunteer code or phone the
 * volunteer gives, and the volunteer types their counter PIN. The PIN is cleared as soon as it
 * is sent, so it never stays on the screen.
 */
export function PinLookup({
  onLookup,
  busy,
  focusKey,
}: {
  onLookup: (body: MemberLookupInput) => void;
  busy: boolean;
  /** Changes whenever the form should take the focus again (it takes it on mount too). */
  focusKey: number;
}) {
  const { t } = useTranslation();
  const loginInput = useRef<HTMLInputElement | null>(null);
  const pinInput = useRef<HTMLInputElement | null>(null);
  const [login, setLogin] = useState('');
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<{ login?: string; pin?: string }>({});
  // The login stays after a refusal: the PIN is what is typed again.
  useEffect(() => (loginInput.current?.value ? pinInput.current : loginInput.current)?.focus(), [focusKey]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = {
      login: login.trim() ? undefined : t('counter.redeem.loginRequired'),
      pin: PIN_PATTERN.test(pin) ? undefined : t('counter.redeem.pinFormat'),
    };
    setErrors(found);
    if (found.login) return loginInput.current?.focus();
    if (found.pin) return pinInput.current?.focus();
    setPin('');
    onLookup(pinLookupBody(login, pin));
  };

  return (
    <form onSubmit={submit} className="member-scan pin-lookup" aria-label={t('counter.redeem.pinForm')} noValidate>
      <div className="pin-lookup-fields">
        <LabelledInput
          label={t('counter.redeem.login')}
          hint={t('counter.redeem.loginHint')}
          error={errors.login}
          input={loginInput}
          value={login}
          onChange={setLogin}
          testId="pin-login-input"
        />
        <LabelledInput
          label={t('counter.redeem.pin')}
          hint={t('counter.redeem.pinHint')}
          error={errors.pin}
          input={pinInput}
          value={pin}
          onChange={(v) => setPin(v.replace(/\D/g, ''))}
          testId="pin-input"
          secret
        />
      </div>
      <div className="member-scan-row">
        <Button htmlType="submit" type="primary" loading={busy} data-testid="pin-lookup">
          {t('counter.redeem.lookup')}
        </Button>
      </div>
    </form>
  );
}

/** One field of the look-up with its label, hint and error tied to it; a secret one takes digits, hidden. */
function LabelledInput(p: {
  label: string;
  hint: string;
  error: string | undefined;
  input: RefObject<HTMLInputElement | null>;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  secret?: boolean;
}) {
  const id = useId();
  return (
    <div className="pin-lookup-field">
      <label htmlFor={id}>{p.label}</label>
      <Input
        id={id}
        ref={(el) => {
          p.input.current = el?.input ?? null;
        }}
        value={p.value}
        autoComplete="off"
        {...(p.secret ? { type: 'password', inputMode: 'numeric' as const, maxLength: 6 } : {})}
        aria-describedby={p.error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={!!p.error}
        onChange={(e) => p.onChange(e.target.value)}
        data-testid={p.testId}
      />
      <span id={`${id}-hint`} className="hint">
        {p.hint}
      </span>
      {p.error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {p.error}
        </span>
      )}
    </div>
  );
}
