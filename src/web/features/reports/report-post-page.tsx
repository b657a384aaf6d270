import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { CreateReportBody, REPORT_CATEGORIES } from '../../../common/contract/reports.js';
import { reportKeys, submitReport, uploadReportPhoto, type ReportInput } from '../../api/reports.api.js';
import { SelectField, TextAreaField, TextField } from '../../components/form-field.js';
import { useFormat } from '../../components/format.js';
import { PhotoPicker } from '../../components/photo-picker.js';
import { RegionPicker } from '../../components/region-picker.js';
import { ErrorNotice, Loading } from '../../components/status-views.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { fieldErrors } from '../../components/zod-messages.js';
import { useSession } from '../auth/use-session.js';
import { NeedPosition } from '../needs/need-position.js';
import './reports.css';

interface Values {
  category: string;
  text: string;
  regionPath: string[];
  consent: boolean;
  lat: string;
  lng: string;
  observedAt: string;
}

const EMPTY: Values = { category: '', text: '', regionPath: [], consent: false, lat: '', lng: '', observedAt: '' };

/**
 * /reports/new: snap and report (随手拍) — photos, what and where. The position is asked for only
 * once the reporter ticks that they agree to give it, and only what they picked is sent.
 */
export function ReportPostPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.post.title'));
  const f = useFormat();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { me, loading } = useSession();
  const [v, setV] = useState<Values>(EMPTY);
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const send = useMutation({
    mutationFn: submitReport,
    onSuccess: (report) => {
      void client.invalidateQueries({ queryKey: reportKeys.all });
      void navigate(`/reports/${encodeURIComponent(report.id)}`);
    },
  });
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace />;
  const set = (patch: Partial<Values>) => setV((old) => ({ ...old, ...patch }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const withPosition = v.consent && v.lat.trim() !== '' && v.lng.trim() !== '';
    const body: ReportInput = {
      category: v.category as ReportInput['category'],
      text: v.text,
      regionCode: v.regionPath.at(-1) ?? '',
      photoIds,
      ...(withPosition ? { position: { lat: Number(v.lat), lng: Number(v.lng) } } : {}),
      ...(v.observedAt ? { observedAt: f.fromInput(v.observedAt) } : {}),
    };
    const r = fieldErrors(CreateReportBody, body, t);
    const errs = { ...r.errors };
    if (!v.category) errs.category = t('reports.post.categoryRequired');
    if (v.consent && !v.lat.trim() !== !v.lng.trim()) errs[v.lat.trim() ? 'lng' : 'lat'] = t('needs.position.both');
    if (errs['position.lat']) errs.lat = errs['position.lat'];
    if (errs['position.lng']) errs.lng = errs['position.lng'];
    setErrors(errs);
    if (r.data && Object.keys(errs).length === 0) send.mutate(body);
  };

  return (
    <div className="page narrow reports-page">
      <p className="back-link">
        <Link to="/reports">{t('reports.mine.title')}</Link>
      </p>
      <h1>{t('reports.post.title')}</h1>
      <p>{t('reports.post.intro')}</p>
      <form className="form card" onSubmit={onSubmit} noValidate aria-label={t('reports.post.title')}>
        <PhotoPicker
          label={t('reports.photos')}
          upload={uploadReportPhoto}
          onChange={setPhotoIds}
          onBusy={setUploading}
          testId="report-photo"
        />
        <SelectField
          label={t('reports.fields.category')}
          required
          error={errors.category}
          name="category"
          value={v.category}
          onChange={(e) => set({ category: e.target.value })}
          placeholder={t('reports.post.chooseCategory')}
          options={REPORT_CATEGORIES.map((c) => ({ value: c, label: t(`reports.category.${c}`) }))}
        />
        <TextAreaField
          label={t('reports.fields.text')}
          required
          error={errors.text}
          hint={t('reports.post.textHint')}
          name="text"
          rows={4}
          value={v.text}
          onChange={(e) => set({ text: e.target.value })}
        />
        <RegionPicker
          legend={t('reports.fields.region')}
          path={v.regionPath}
          onChange={(regionPath) => set({ regionPath })}
          error={errors.regionCode}
        />
        <fieldset className="report-consent">
          <legend className="sr-only">{t('reports.position.legend')}</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              name="consent"
              checked={v.consent}
              onChange={(e) => set({ consent: e.target.checked, ...(e.target.checked ? {} : { lat: '', lng: '' }) })}
              data-testid="report-position-consent"
            />
            {t('reports.position.agree')}
          </label>
        </fieldset>
        {v.consent && (
          <NeedPosition
            lat={v.lat}
            lng={v.lng}
            onChange={(lat, lng) => set({ lat, lng })}
            regionCode={v.regionPath.at(-1)}
            errors={{ lat: errors.lat, lng: errors.lng }}
            words="reports.position"
          />
        )}
        <TextField
          label={t('reports.fields.observedAt')}
          name="observedAt"
          type="datetime-local"
          hint={t('reports.post.observedHint')}
          value={v.observedAt}
          error={errors.observedAt}
          onChange={(e) => set({ observedAt: e.target.value })}
        />
        {send.isError && <ErrorNotice error={send.error} />}
        <p className="hero-actions">
          <button
            type="submit"
            className="button primary"
            disabled={send.isPending || uploading}
            data-testid="report-submit"
          >
            {send.isPending ? t('common.working') : t('reports.post.submit')}
          </button>
        </p>
      </form>
    </div>
  );
}
