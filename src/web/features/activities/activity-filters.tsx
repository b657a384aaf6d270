import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_MAX } from '../../../common/contract/activities.js';
import { DEFAULT_FIELDS } from '../../../common/enums.js';
import { useFieldName } from '../../components/labels.js';
import { useUrlFilters } from '../../components/use-url-filters.js';

/** The list's filters as the URL query names them: keywords, field, local days, places left. */
export const FILTER_NAMES = ['q', 'field', 'from', 'to', 'hasPlaces'] as const;
export type ActivityFilters = Record<(typeof FILTER_NAMES)[number], string>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters kept in the URL (a day that is no YYYY-MM-DD is dropped), and their setter. */
export function useActivityFilters() {
  const [raw, set] = useUrlFilters(FILTER_NAMES);
  const filters: ActivityFilters = {
    ...raw,
    from: DAY.test(raw.from) ? raw.from : '',
    to: DAY.test(raw.to) ? raw.to : '',
    hasPlaces: raw.hasPlaces === 'true' ? 'true' : '',
  };
  return [filters, set] as const;
}

/**
 * Keywords (asked for by Enter or the search button, cleared by its own button), service field,
 * the days in the platform's zone, and "has places"; the caller adds "near me" after them.
 */
export function ActivityFilterFields({ children }: { children?: React.ReactNode }) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const ids = { q: useId(), field: useId(), from: useId(), to: useId(), places: useId() };
  const [filters, set] = useActivityFilters();
  const [draft, setDraft] = useState(filters.q);
  const input = useRef<HTMLInputElement>(null);
  // Back and forward change the URL: the box follows.
  useEffect(() => setDraft(filters.q), [filters.q]);

  return (
    <form
      className="filter-bar activity-filters"
      role="search"
      aria-label={t('activities.filters')}
      onSubmit={(e) => {
        e.preventDefault();
        set({ q: draft.trim() });
      }}
    >
      <div className="filter-item keyword-item">
        <label htmlFor={ids.q}>{t('activities.search')}</label>
        <input
          ref={input}
          id={ids.q}
          type="search"
          name="q"
          enterKeyHint="search"
          maxLength={SEARCH_MAX}
          placeholder={t('activities.searchPlaceholder')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          data-testid="activity-search"
        />
        <button type="submit" className="button primary">
          {t('activities.searchSubmit')}
        </button>
        {(draft || filters.q) && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft('');
              set({ q: '' });
              input.current?.focus();
            }}
          >
            {t('activities.searchClear')}
          </button>
        )}
      </div>
      <div className="filter-item">
        <label htmlFor={ids.field}>{t('activities.field')}</label>
        <select
          id={ids.field}
          value={filters.field}
          onChange={(e) => set({ field: e.target.value })}
          data-testid="field-filter"
        >
          <option value="">{t('activities.allFields')}</option>
          {DEFAULT_FIELDS.map((f) => (
            <option key={f.code} value={f.code}>
              {fieldName(f.code)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-item">
        <label htmlFor={ids.from}>{t('activities.from')}</label>
        <input id={ids.from} type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
      </div>
      <div className="filter-item">
        <label htmlFor={ids.to}>{t('activities.to')}</label>
        <input
          id={ids.to}
          type="date"
          value={filters.to}
          min={filters.from || undefined}
          onChange={(e) => set({ to: e.target.value })}
        />
      </div>
      <div className="filter-item">
        <input
          id={ids.places}
          type="checkbox"
          role="switch"
          checked={filters.hasPlaces === 'true'}
          onChange={(e) => set({ hasPlaces: e.target.checked ? 'true' : '' })}
          data-testid="has-places"
        />
        <label htmlFor={ids.places}>{t('activities.hasPlaces')}</label>
      </div>
      {children}
    </form>
  );
}
