import { LIMITS } from '../../common/limits.js';
import { useTranslation } from 'react-i18next';
import type { VerificationPurpose } from '../../common/contract/verification.js';
import { TextField } from './form-field.js';
import { SmsCodeField } from './sms-code-field.js';

interface PhoneWithCodeProps {
  phone: string;
  code: string;
  purpose: VerificationPurpose;
  onPhone: (phone: string) => void;
  onCode: (code: string) => void;
  errors: { phone?: string | undefined; verificationCode?: string | undefined };
}

/** A mobile number and the SMS code that proves it is the person's: registration, password reset. */
export function PhoneWithCode({ phone, code, purpose, onPhone, onCode, errors }: PhoneWithCodeProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('register.phone')}
        name="phone"
        type="tel"
        inputMode="numeric"
        autoComplete="tel"
        required
        value={phone}
        error={errors.phone}
        onChange={(e) => onPhone(e.target.value)}
      />
      <SmsCodeField phone={phone} purpose={purpose} value={code} onChange={onCode} error={errors.verificationCode} />
    </>
  );
}

interface NewPasswordProps {
  label: string;
  name: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  onChange: (value: string) => void;
}

/** A new password, with the length it needs said up front. */
export function NewPasswordField({ label, name, value, error, hint, onChange }: NewPasswordProps) {
  const { t } = useTranslation();
  return (
    <TextField
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      required
      value={value}
      error={error}
      hint={hint ?? t('register.passwordHint', { min: LIMITS.passwordMin })}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
