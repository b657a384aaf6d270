import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerificationPurpose } from '../../common/contract/verification.js';
import { MAINLAND_MOBILE, maskPhone } from '../../common/id-numbers.js';
import { requestCode } from '../api/verification.api.js';
import { errorText } from './error-text.js';
import { FormField } from './form-field.js';

interface Props {
  /** The phone the code goes to, as typed so far. */
  phone: string;
  purpose: VerificationPurpose;
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
  /** The input's name, when a form holds two codes (a minor's own and their guardian's). */
  name?: string;
}

/**
 * The 6-digit code sent by SMS, with the button that sends it: the phone is proved to be the
 * person's before it becomes a login. After a send the button waits out the minute before the
 * next, counting down; what the server refuses is said beside the field.
 */
export function SmsCodeField({ phone, purpose, value, onChange, error, name = 'verificationCode' }: Props) {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [wait, setWait] = useState(0);
  const [failure, setFailure] = useState<string | undefined>();
  const send = useMutation({
    mutationFn: () => requestCode(phone.trim(), purpose),
    onSuccess: (r) => {
      setFailure(undefined);
      setSentTo(maskPhone(phone.trim()));
      setWait(r.resendAfterSeconds);
    },
    onError: (err) => setFailure(errorText(err, t, { keys: (e) => [`sms.errors.${e.code}`] })),
  });
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);
  const phoneOk = MAINLAND_MOBILE.test(phone.trim());
  const onSend = () => {
    if (!phoneOk) return setFailure(t('sms.phoneFirst'));
    send.mutate();
  };
  return (
    <FormField
      label={t('sms.code')}
      required
      error={error ?? failure}
      hint={
        sentTo
          ? t(`sms.sentFor.${purpose}`, { phone: sentTo, defaultValue: t('sms.sent', { phone: sentTo }) })
          : t(`sms.hintFor.${purpose}`, { defaultValue: t('sms.hint') })
      }
    >
      {({ id, describedBy, invalid }) => (
        <span className="sms-code">
          <input
            id={id}
            name={name}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={value}
            onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
          />
          <button
            type="button"
            className="button"
            data-testid={name === 'verificationCode' ? 'send-code' : `send-code-${name}`}
            disabled={send.isPending || wait > 0}
            onClick={onSend}
          >
            {wait > 0 ? t('sms.resendIn', { seconds: wait }) : sentTo ? t('sms.resend') : t('sms.send')}
          </button>
        </span>
      )}
    </FormField>
  );
}
