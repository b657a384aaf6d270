import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { listRegions, regionKeys } from '../api/regions.api.js';

interface LevelProps {
  parent: string | null;
  value: string;
  depth: number;
  describedBy: string | undefined;
  invalid: boolean;
  onChange: (code: string) => void;
}

/** One select of the cascade: the children of `parent`; nothing when it has none. */
function RegionLevelSelect({ parent, value, depth, describedBy, invalid, onChange }: LevelProps) {
  const { t } = useTranslation();
  const id = useId();
  const q = useQuery({
    queryKey: regionKeys.children(parent),
    queryFn: () => listRegions(parent),
    staleTime: Infinity,
  });
  const items = q.data?.items ?? [];
  if (depth > 0 && items.length === 0) return null;
  const level = items[0]?.level;
  const label = level ? t(`regionLevel.${level}`) : t('region.level', { n: depth + 1 });
  return (
    <div className="region-level">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(e) => onChange(e.target.value)}
        disabled={q.isPending}
        data-testid={`region-level-${depth}`}
      >
        <option value="">{q.isPending ? t('common.loading') : t('region.choose')}</option>
        {items.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </select>
    </div>
  );
}

interface Props {
  legend: string;
  path: readonly string[];
  onChange: (path: string[]) => void;
  error?: string | undefined;
}

/** Cascading selects over GET /regions?parent=; the chosen region is the last code in `path`. */
export function RegionPicker({ legend, path, onChange, error }: Props) {
  const errorId = useId();
  const levels = [null, ...path].map((parent, depth) => ({ parent, depth }));
  return (
    <fieldset className={error ? 'region-picker has-error' : 'region-picker'}>
      <legend>{legend}</legend>
      <div className="region-levels">
        {levels.map(({ parent, depth }) => (
          <RegionLevelSelect
            key={`${depth}-${parent ?? 'top'}`}
            parent={parent}
            depth={depth}
            value={path[depth] ?? ''}
            describedBy={error ? errorId : undefined}
            invalid={!!error}
            onChange={(code) => onChange([...path.slice(0, depth), ...(code ? [code] : [])])}
          />
        ))}
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
