import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DEFAULT_FIELDS, ID_TYPES, type IdType } from '../../../common/enums.js';
import { authKeys, fetchMe, login } from '../../api/auth.api.js';
import { ApiError } from '../../api/http-client.js';
import { registerVolunteer, type Volunteer, type VolunteerInput } from '../../api/volunteers.api.js';
import { errorText } from '../../components/error-text.js';
import { FormField, TextField } from '../../components/form-field.js';
import { useFieldName } from '../../components/labels.js';
import { RegionPicker } from '../../components/region-picker.js';
import { NewPasswordField, PhoneWithCode } from '../../components/credential-fields.js';
import { usePageTitle } from '../../components/use-page-title.js';
import {
  EMPTY_GUARDIAN,
  GuardianFields,
  guardianStarted,
  type GuardianErrors,
  type GuardianForm,
} from '../../components/guardian-fields.js';
import { FieldCheckboxes } from './field-checkboxes.js';
import { useGuardianNeed, type GuardianNeed } from './use-guardian-need.js';
import { validateRegistration, type FieldErrors } from './register-validation.js';

interface FormState {
  name: string;
  idType: IdType;
  idNumber: string;
  phone: string;
  password: string;
  regionPath: string[];
  skills: string;
  fields: string[];
  verificationCode: string;
  guardian: GuardianForm;
}

const EMPTY: FormState = {
  name: '',
  idType: 'resident_id',
  idNumber: '',
  phone: '',
  password: '',
  regionPath: [],
  skills: '',
  fields: [],
  verificationCode: '',
  guardian: EMPTY_GUARDIAN,
};

const toInput = (f: FormState, need: GuardianNeed): VolunteerInput => ({
  name: f.name.trim(),
  idType: f.idType,
  idNumber: f.idNumber.trim().toUpperCase(),
  phone: f.phone.trim(),
  password: f.password,
  regionCode: f.regionPath[f.regionPath.length - 1] ?? '',
  skills: f.skills
    .split(/[,，、;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean),
  fields: f.fields,
  verificationCode: f.verificationCode.trim(),
  // Asked for under the registration age; sent from 14 to 17 only when filled in.
  ...(need === 'at_registration' || (need === 'to_serve' && guardianStarted(f.guardian))
    ? {
        guardian: {
          ...f.guardian,
          name: f.guardian.name.trim(),
          phone: f.guardian.phone.trim(),
          verificationCode: f.guardian.verificationCode.trim(),
        },
      }
    : {}),
});

/** Real-name volunteer registration (实名注册). */
export function RegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('register.title'));
  const fieldName = useFieldName();
  const [form, setForm] = useState<FormState>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [guardianErrors, setGuardianErrors] = useState<GuardianErrors>({});
  const need = useGuardianNeed(form.idType, form.idNumber);
  const formRef = useRef<HTMLFormElement>(null);

  const client = useQueryClient();
  const mutation = useMutation<{ volunteer: Volunteer; loggedIn: boolean }, unknown, VolunteerInput>({
    // The new volunteer is logged in at once with what they just typed; should that fail (a
    // limit, a lost answer), the done page offers the login page instead.
    mutationFn: async (input) => {
      const volunteer = await registerVolunteer(input);
      try {
        await login({ login: input.phone, password: input.password });
        client.setQueryData(authKeys.me, await fetchMe());
        return { volunteer, loggedIn: true };
      } catch {
        return { volunteer, loggedIn: false };
      }
    },
    onError: (err) => {
      if (!(err instanceof ApiError)) return setErrors({ form: errorText(err, t) });
      if (err.field?.startsWith('guardian')) {
        const sub = err.field.slice('guardian.'.length) as keyof GuardianErrors;
        const text = errorText(err, t, { keys: (e) => [`guardian.server.${e.code}`] });
        setErrors({});
        return setGuardianErrors(sub ? { [sub]: text } : { name: text });
      }
      const field = err.field as keyof FieldErrors | undefined;
      // A known refusal of one field has its own sentence; anything else the server's reason or its code's.
      const phone = (err.details as { phone?: unknown } | undefined)?.phone;
      const text = errorText(err, t, {
        keys: (e) => [field && `register.server.${e.code}.${field}`],
        values: { phone: typeof phone === 'string' ? phone : '' },
      });
      if (field && field in EMPTY_INPUT_KEYS) setErrors({ [field]: text });
      else setErrors({ form: text });
    },
  });

  // Move focus to the first field in error so keyboard users land on what to fix.
  useEffect(() => {
    const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  }, [errors, guardianErrors]);

  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setForm((f) => ({ ...f, [k]: v }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = toInput(form, need);
    const found = validateRegistration(input, t);
    const { guardian: guardianFound, ...rest } = found;
    setErrors(rest);
    setGuardianErrors(guardianFound ?? {});
    if (Object.keys(rest).length === 0 && !guardianFound) mutation.mutate(input);
  };

  if (mutation.data) return <RegisterDone {...mutation.data} />;

  return (
    <section className="page narrow" aria-labelledby="register-title">
      <h1 id="register-title">{t('register.title')}</h1>
      <p>{t('register.lead')}</p>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="form" data-testid="register-form">
        {errors.form && (
          <p className="notice error" role="alert">
            {errors.form}
          </p>
        )}
        <TextField
          label={t('register.name')}
          name="name"
          autoComplete="name"
          required
          value={form.name}
          error={errors.name}
          onChange={(e) => set('name', e.target.value)}
        />
        <FormField label={t('register.idType')} required error={errors.idType}>
          {({ id, describedBy }) => (
            <select
              id={id}
              name="idType"
              aria-describedby={describedBy}
              value={form.idType}
              onChange={(e) => set('idType', e.target.value as IdType)}
            >
              {ID_TYPES.map((it) => (
                <option key={it} value={it}>
                  {t(`idType.${it}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <TextField
          label={t('register.idNumber')}
          name="idNumber"
          autoComplete="off"
          required
          value={form.idNumber}
          error={errors.idNumber}
          hint={t('register.idNumberHint')}
          onChange={(e) => set('idNumber', e.target.value)}
        />
        <PhoneWithCode
          phone={form.phone}
          code={form.verificationCode}
          purpose="register"
          onPhone={(v) => set('phone', v)}
          onCode={(v) => set('verificationCode', v)}
          errors={errors}
        />
        {need !== 'none' && (
          <GuardianFields
            value={form.guardian}
            onChange={(update) => setForm((f) => ({ ...f, guardian: update(f.guardian) }))}
            errors={guardianErrors}
            required={need === 'at_registration'}
          />
        )}
        <NewPasswordField
          label={t('register.password')}
          name="password"
          value={form.password}
          error={errors.password}
          onChange={(v) => set('password', v)}
        />
        <RegionPicker
          legend={t('register.region')}
          path={form.regionPath}
          onChange={(p) => set('regionPath', p)}
          error={errors.regionCode}
        />
        <TextField
          label={t('register.skills')}
          name="skills"
          value={form.skills}
          error={errors.skills}
          hint={t('register.skillsHint')}
          onChange={(e) => set('skills', e.target.value)}
        />
        <FieldCheckboxes
          options={DEFAULT_FIELDS.map((f) => ({ code: f.code, name: fieldName(f.code) }))}
          value={form.fields}
          onChange={(codes) => set('fields', codes)}
          error={errors.fields}
        />
        <button type="submit" className="button primary" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.working') : t('register.submit')}
        </button>
      </form>
      <p>
        {t('register.haveAccount')} <Link to="/login">{t('register.toLogin')}</Link>
      </p>
    </section>
  );
}

const EMPTY_INPUT_KEYS: Record<keyof VolunteerInput, true> = {
  name: true,
  idType: true,
  idNumber: true,
  phone: true,
  password: true,
  regionCode: true,
  skills: true,
  fields: true,
  availability: true,
  verificationCode: true,
  guardian: true,
};

function RegisterDone({ volunteer, loggedIn }: { volunteer: Volunteer; loggedIn: boolean }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="page narrow" aria-labelledby="register-done">
      <h1 id="register-done" ref={heading} tabIndex={-1}>
        {t('register.doneTitle')}
      </h1>
      <p>{t('register.doneText', { name: volunteer.name })}</p>
      <p className="volunteer-code" data-testid="new-volunteer-code">
        {t('me.volunteerCode')}: <strong>{volunteer.volunteerCode}</strong>
      </p>
      <p>{t(loggedIn ? 'register.doneLoggedIn' : 'register.doneLogin')}</p>
      {loggedIn ? (
        <p className="section-actions">
          <Link className="button primary" to="/activities" data-testid="first-activity">
            {t('register.findActivity')}
          </Link>
          <Link className="button" to="/me">
            {t('register.toMe')}
          </Link>
        </p>
      ) : (
        <Link className="button primary" to="/login">
          {t('register.toLogin')}
        </Link>
      )}
    </section>
  );
}
