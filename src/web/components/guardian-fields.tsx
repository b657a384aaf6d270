import { useTranslation } from 'react-i18next';
import { GUARDIAN_RELATIONS, type GuardianRelation } from '../../common/contract/guardians.js';
import { FormField, TextField } from './form-field.js';
import { SmsCodeField } from './sms-code-field.js';
import { useGuardianAges } from './use-public-config.js';

export interface GuardianForm {
  name: string;
  relation: GuardianRelation;
  phone: string;
  verificationCode: string;
}

export const EMPTY_GUARDIAN: GuardianForm = { name: '', relation: 'mother', phone: '', verificationCode: '' };

/** Whether any of the guardian's fields has been filled in. */
export const guardianStarted = (g: GuardianForm): boolean =>
  [g.name, g.phone, g.verificationCode].some((v) => v.trim() !== '');

export type GuardianErrors = Partial<Record<keyof GuardianForm, string>>;

interface Props {
  value: GuardianForm;
  /** Receives an update of the fields (a function of the latest values, so no keystroke is lost). */
  onChange: (update: (g: GuardianForm) => GuardianForm) => void;
  errors: GuardianErrors;
  /** Required (a child under the registration age) or offered (a minor who may add it later). */
  required: boolean;
  /** Whether to say above the fields why a guardian is asked (the Me page says it itself). */
  lead?: boolean;
}

/**
 * A guardian's consent: their name, relation and phone, proved by a code sent to that phone
 * which the guardian hands to the minor (PIPL art. 31: a child's data needs the guardian's yes).
 */
export function GuardianFields({ value, onChange, errors, required, lead = true }: Props) {
  const { t } = useTranslation();
  const ages = useGuardianAges();
  const set = <K extends keyof GuardianForm>(k: K, v: GuardianForm[K]) => onChange((g) => ({ ...g, [k]: v }));
  return (
    <fieldset className="guardian-fields" data-testid="guardian-fields">
      <legend>{t('guardian.legend')}</legend>
      {lead && (
        <p className="hint">
          {required
            ? t('guardian.leadRequired', { age: ages.registrationAge })
            : t('guardian.leadOptional', { age: ages.age })}
        </p>
      )}
      <TextField
        label={t('guardian.name')}
        name="guardianName"
        autoComplete="off"
        required={required}
        value={value.name}
        error={errors.name}
        onChange={(e) => set('name', e.target.value)}
      />
      <FormField label={t('guardian.relation')} required={required} error={errors.relation}>
        {({ id, describedBy }) => (
          <select
            id={id}
            name="guardianRelation"
            aria-describedby={describedBy}
            value={value.relation}
            onChange={(e) => set('relation', e.target.value as GuardianRelation)}
          >
            {GUARDIAN_RELATIONS.map((r) => (
              <option key={r} value={r}>
                {t(`guardian.relations.${r}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <TextField
        label={t('guardian.phone')}
        name="guardianPhone"
        type="tel"
        inputMode="numeric"
        autoComplete="off"
        required={required}
        value={value.phone}
        error={errors.phone}
        onChange={(e) => set('phone', e.target.value)}
      />
      <SmsCodeField
        phone={value.phone}
        purpose="guardian_consent"
        name="guardianCode"
        value={value.verificationCode}
        onChange={(v) => set('verificationCode', v)}
        error={errors.verificationCode}
      />
    </fieldset>
  );
}
