import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import type { Volunteer } from '../../../common/contract/volunteers.js';
import { listFields, profileKeys, regionPath, updateProfile } from '../../api/profile.api.js';
import { regionKeys } from '../../api/regions.api.js';
import { volunteerKeys } from '../../api/volunteers.api.js';
import { TextField } from '../../components/form-field.js';
import { RegionPicker } from '../../components/region-picker.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { SmsCodeField } from '../../components/sms-code-field.js';
import { isEnglish } from '../../i18n/i18n.js';
import { AvailabilityEditor } from './availability-editor.js';
import { FieldCheckboxes } from './field-checkboxes.js';
import {
  changeOf,
  serverErrors,
  stateOf,
  validateProfile,
  type ProfileErrors,
  type ProfileState,
} from './profile-form.js';
import { SkillsInput } from './skills-input.js';
import { useMyVolunteer } from './use-my-volunteer.js';
import './profile.css';
import { ChangePasswordForm } from './change-password-form.js';
import { CloseAccountForm } from './close-account-form.js';
import { LogoutEverywhere } from './logout-everywhere.js';

/** /me/profile: the volunteer changes their phone, region, skills, service fields and weekly availability. */
export function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('profile.title'));
  const { me, loading, volunteerId, volunteer } = useMyVolunteer();
  const code = volunteer.data?.regionCode;
  // After a save moves the region, the form stays as it is (with its confirmation) while the new path loads.
  const path = useQuery({
    queryKey: regionKeys.path(code),
    queryFn: () => regionPath(code ?? ''),
    enabled: !!code,
    placeholderData: (previous) => previous,
  });

  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  if (!volunteerId) return <p className="notice">{t('activities.volunteersOnly')}</p>;
  return (
    <div className="page narrow profile-page">
      <p className="back-link">
        <Link to="/me">{t('profile.backToMe')}</Link>
      </p>
      <h1>{t('profile.title')}</h1>
      <p>{t('profile.lead')}</p>
      {(volunteer.isPending || path.isPending) && <Loading />}
      {volunteer.isError && <ErrorNotice error={volunteer.error} />}
      {path.isError && <ErrorNotice error={path.error} />}
      {volunteer.data && path.data && (
        <ProfileForm
          key={volunteer.data.id}
          volunteer={volunteer.data}
          regionPath={path.data.items.map((r) => r.code)}
        />
      )}
      <ChangePasswordForm />
      <LogoutEverywhere />
      <CloseAccountForm />
    </div>
  );
}

function ProfileForm({ volunteer, regionPath: initialPath }: { volunteer: Volunteer; regionPath: string[] }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<ProfileState>(() => stateOf(volunteer, initialPath));
  const [errors, setErrors] = useState<ProfileErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const savedRef = useRef<HTMLParagraphElement>(null);
  const fields = useQuery({ queryKey: profileKeys.fields, queryFn: listFields, staleTime: Infinity });

  const save = useMutation({
    mutationFn: (s: ProfileState) => updateProfile(volunteer.id, changeOf(s)),
    onSuccess: (v) => {
      client.setQueryData(volunteerKeys.one(v.id), v);
      void client.invalidateQueries({ queryKey: regionKeys.paths });
      setForm((f) => ({ ...f, phone: '', currentPassword: '', verificationCode: '' }));
    },
    onError: (err) => setErrors(serverErrors(err, t)),
  });

  // Keyboard users land on what to fix, or on the confirmation.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  useEffect(() => {
    if (save.isSuccess) savedRef.current?.focus();
  }, [save.isSuccess, save.data]);

  const set = <K extends keyof ProfileState>(k: K, v: ProfileState[K]) => {
    save.reset();
    setForm((f) => ({ ...f, [k]: v }));
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateProfile(changeOf(form), t);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(form);
  };
  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate data-testid="profile-form">
      {errors.form && (
        <p className="notice error" role="alert">
          {errors.form}
        </p>
      )}
      <TextField
        label={t('profile.phone')}
        name="phone"
        type="tel"
        inputMode="numeric"
        autoComplete="tel"
        value={form.phone}
        error={errors.phone}
        hint={t('profile.phoneHint', { phone: volunteer.phone ?? t('common.none') })}
        onChange={(e) => set('phone', e.target.value)}
      />
      {form.phone.trim() !== '' && (
        <TextField
          label={t('profile.currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={form.currentPassword}
          error={errors.currentPassword}
          hint={t('profile.currentPasswordHint')}
          onChange={(e) => set('currentPassword', e.target.value)}
        />
      )}
      {form.phone.trim() !== '' && (
        <SmsCodeField
          phone={form.phone}
          purpose="phone_change"
          value={form.verificationCode}
          onChange={(v) => set('verificationCode', v)}
          error={errors.verificationCode}
        />
      )}
      <RegionPicker
        legend={t('register.region')}
        path={form.regionPath}
        onChange={(p) => set('regionPath', p)}
        error={errors.regionCode}
      />
      <SkillsInput skills={form.skills} onChange={(s) => set('skills', s)} error={errors.skills} />
      {fields.isPending && <Loading />}
      {fields.isError && <ErrorNotice error={fields.error} />}
      {fields.data && (
        <FieldCheckboxes
          options={fields.data.items.map((f) => ({
            code: f.code,
            name: isEnglish(i18n.language) ? f.nameEn : f.nameZh,
          }))}
          value={form.fields}
          onChange={(codes) => set('fields', codes)}
          error={errors.fields}
        />
      )}
      <AvailabilityEditor slots={form.availability} onChange={(s) => set('availability', s)} errors={errors} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={save.isPending} data-testid="profile-save">
          {save.isPending ? t('common.working') : t('common.save')}
        </button>
        {save.isSuccess && (
          <p ref={savedRef} tabIndex={-1} className="saved" role="status" data-testid="profile-saved">
            {t('profile.saved')}
          </p>
        )}
      </div>
    </form>
  );
}
