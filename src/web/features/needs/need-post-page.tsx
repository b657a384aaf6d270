import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { CreateNeedBody } from '../../../common/contract/needs.js';
import { needKeys, postNeed, type NeedInput } from '../../api/needs.api.js';
import { SelectField, TextAreaField, TextField } from '../../components/form-field.js';
import { useFormat } from '../../components/format.js';
import { RegionPicker } from '../../components/region-picker.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { useSession } from '../auth/use-session.js';
import { NeedPosition } from './need-position.js';
import { needsRiskStatement } from './need-steps.js';
import { useNeedTypes } from './use-need-types.js';
import './needs.css';

interface Values {
  type: string;
  text: string;
  regionPath: string[];
  address: string;
  lat: string;
  lng: string;
  wantedAt: string;
  contactPhone: string;
  riskAccepted: boolean;
}

const EMPTY: Values = {
  type: '',
  text: '',
  regionPath: [],
  address: '',
  lat: '',
  lng: '',
  wantedAt: '',
  contactPhone: '',
  riskAccepted: false,
};

/** /needs/new: a resident asks the practice centre for help (点单). */
export function NeedPostPage() {
  const { t } = useTranslation();
  usePageTitle(t('needs.post.title'));
  const f = useFormat();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { me, loading } = useSession();
  const { types, nameOf, pending } = useNeedTypes();
  const [v, setV] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const riskId = useId();
  const send = useMutation({
    mutationFn: postNeed,
    onSuccess: (need) => {
      void client.invalidateQueries({ queryKey: needKeys.all });
      void navigate(`/needs/${encodeURIComponent(need.id)}`);
    },
  });
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  const risky = needsRiskStatement(v.type);
  const set = (patch: Partial<Values>) => setV((old) => ({ ...old, ...patch }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body: NeedInput = {
      type: v.type,
      text: v.text,
      regionCode: v.regionPath.at(-1) ?? '',
      address: v.address,
      riskAccepted: v.riskAccepted,
      ...(v.lat.trim() ? { lat: Number(v.lat) } : {}),
      ...(v.lng.trim() ? { lng: Number(v.lng) } : {}),
      ...(v.wantedAt ? { wantedAt: f.fromInput(v.wantedAt) } : {}),
      ...(v.contactPhone.trim() ? { contactPhone: v.contactPhone.trim() } : {}),
    };
    const r = fieldErrors(CreateNeedBody, body, t);
    const errs = { ...r.errors };
    if (!v.type) errs.type = t('needs.post.typeRequired');
    if (!v.lat.trim() !== !v.lng.trim()) errs[v.lat.trim() ? 'lng' : 'lat'] = t('needs.position.both');
    if (risky && !v.riskAccepted) errs.riskAccepted = t('errors.reasons.need_risk_required');
    setErrors(errs);
    if (r.data && Object.keys(errs).length === 0) send.mutate(body);
  };

  return (
    <div className="page narrow needs-page">
      <p className="back-link">
        <Link to="/needs">{t('needs.mine.title')}</Link>
      </p>
      <h1>{t('needs.post.title')}</h1>
      <p>{t('needs.post.intro')}</p>
      <form className="form card" onSubmit={onSubmit} noValidate aria-label={t('needs.post.title')}>
        <SelectField
          label={t('needs.fields.type')}
          required
          error={errors.type}
          name="type"
          value={v.type}
          disabled={pending}
          onChange={(e) => set({ type: e.target.value })}
          placeholder={pending ? t('common.loading') : t('needs.post.chooseType')}
          options={types.map((x) => ({ value: x.code, label: nameOf(x.code) }))}
        />
        <TextAreaField
          label={t('needs.fields.text')}
          required
          error={errors.text}
          hint={t('needs.post.textHint')}
          name="text"
          rows={4}
          value={v.text}
          onChange={(e) => set({ text: e.target.value })}
        />
        <RegionPicker
          legend={t('needs.fields.region')}
          path={v.regionPath}
          onChange={(regionPath) => set({ regionPath })}
          error={errors.regionCode}
        />
        <TextField
          label={t('needs.fields.address')}
          name="address"
          required
          hint={t('needs.post.addressHint')}
          value={v.address}
          error={errors.address}
          onChange={(e) => set({ address: e.target.value })}
        />
        <NeedPosition
          lat={v.lat}
          lng={v.lng}
          onChange={(lat, lng) => set({ lat, lng })}
          regionCode={v.regionPath.at(-1)}
          errors={{ lat: errors.lat, lng: errors.lng }}
        />
        <TextField
          label={t('needs.fields.wantedAt')}
          name="wantedAt"
          type="datetime-local"
          value={v.wantedAt}
          error={errors.wantedAt}
          onChange={(e) => set({ wantedAt: e.target.value })}
        />
        <TextField
          label={t('needs.fields.contactPhone')}
          name="contactPhone"
          type="tel"
          autoComplete="tel"
          hint={t('needs.post.contactHint')}
          value={v.contactPhone}
          error={errors.contactPhone}
          onChange={(e) => set({ contactPhone: e.target.value })}
        />
        {risky && (
          <fieldset className={errors.riskAccepted ? 'need-risk has-error' : 'need-risk'}>
            <legend>{t('needs.post.riskTitle')}</legend>
            <p id={riskId}>{t('needs.post.riskStatement')}</p>
            <label className="checkbox">
              <input
                type="checkbox"
                name="riskAccepted"
                aria-describedby={errors.riskAccepted ? `${riskId} ${riskId}-error` : riskId}
                aria-invalid={errors.riskAccepted ? true : undefined}
                checked={v.riskAccepted}
                onChange={(e) => set({ riskAccepted: e.target.checked })}
              />
              {t('needs.post.riskAccept')}
            </label>
            {errors.riskAccepted && (
              <p id={`${riskId}-error`} className="field-error">
                {errors.riskAccepted}
              </p>
            )}
          </fieldset>
        )}
        {send.isError && <ErrorNotice error={send.error} />}
        <p className="hero-actions">
          <button type="submit" className="button primary" disabled={send.isPending} data-testid="need-submit">
            {send.isPending ? t('common.working') : t('needs.post.submit')}
          </button>
        </p>
      </form>
    </div>
  );
}
