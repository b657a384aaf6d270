import { useTranslation } from 'react-i18next';
import type { Need } from '../../api/needs.api.js';
import { useFormat } from '../../components/format.js';
import { useNeedTypes } from './use-need-types.js';

/** What a need says, as far as the caller may see it: the address and phone only to those close to it. */
export function NeedDetails({ need }: { need: Need }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { nameOf } = useNeedTypes();
  const rows: [string, string, string?][] = [
    [t('needs.fields.type'), nameOf(need.type)],
    [t('needs.fields.status'), t(`needs.status.${need.status}`), 'need-status'],
    [t('needs.fields.text'), need.text],
    [t('needs.fields.region'), need.regionName],
  ];
  if (need.address) rows.push([t('needs.fields.address'), need.address]);
  if (need.wantedAt) rows.push([t('needs.fields.wantedAt'), f.dateTime(need.wantedAt)]);
  const phone = need.contact ?? need.contactMasked;
  if (phone) {
    const hidden = need.contact === null ? ` (${t('needs.contactOnceTaken')})` : '';
    rows.push([t('needs.fields.contactPhone'), phone + hidden, 'need-contact']);
  }
  if (need.organisationName) rows.push([t('needs.fields.team'), need.organisationName]);
  if (need.reason) rows.push([t('needs.fields.reason'), need.reason, 'need-reason']);
  if (need.report) rows.push([t('needs.fields.report'), need.report]);
  if (need.rating) {
    const r = need.rating;
    rows.push([
      t('needs.fields.rating'),
      t('needs.scoreIs', { score: r.score }) + (r.comment ? ` · ${r.comment}` : ''),
    ]);
  }
  return (
    <dl className="need-details">
      {rows.map(([label, value, testId]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd data-testid={testId}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
