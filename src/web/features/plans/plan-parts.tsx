import { InputNumber } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format.js';
import { percentOf } from '../../../common/plan-progress.js';
import { isEnglish } from '../../i18n/i18n.js';

/** A share done as a bar with its percentage beside it; the bar is named for screen readers. */
export function ProgressBar({ ratio, label }: { ratio: number; label: string }) {
  const pct = percentOf(ratio);
  return (
    <span className="plan-progress">
      <progress max={100} value={pct} aria-label={label} />
      <span className="plan-progress-figure">{pct}%</span>
    </span>
  );
}

/** Integer fen as yuan in the UI language: ¥1,234.50. */
export function useMoney(): (fen: number) => string {
  const { i18n } = useTranslation();
  const f = new Intl.NumberFormat(isEnglish(i18n.language) ? 'en-GB' : 'zh-CN', {
    style: 'currency',
    currency: 'CNY',
  });
  return (fen) => f.format(fen / 100);
}

/** Yuan typed in a form (two decimals at most) as integer fen. */
export const toFen = (yuan: number | null | undefined): number => Math.round((yuan ?? 0) * 100);

/**
 * A wide table's box, which scrolls sideways on a narrow screen or in care mode: it takes the
 * focus itself so it can be scrolled by keyboard (axe's scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="plan-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

/** A plan year to pick, starting at the current one in the platform's zone: the field and its value. */
export function usePlanYear(): { year: number; field: ReactNode } {
  const { t } = useTranslation();
  const f = useFormat();
  const [year, setYear] = useState<number>(() => Number(f.dayOf(Date.now()).slice(0, 4)));
  const field = (
    <label className="plan-year">
      {t('plans.year')}{' '}
      <InputNumber min={2000} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} />
    </label>
  );
  return { year, field };
}
