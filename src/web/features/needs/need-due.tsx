import { useTranslation } from 'react-i18next';
import type { Need } from '../../api/needs.api.js';
import { useFormat } from '../../components/format.js';

/** Within this much of its due time a step counts as due soon. */
const SOON_MS = 2 * 3_600_000;

/** How a need stands against its service time: overdue, due soon, on time, or nothing due. */
export function dueState(need: Pick<Need, 'dueAt' | 'overdue'>, now: number): 'overdue' | 'soon' | 'ok' | 'none' {
  if (!need.dueAt) return 'none';
  if (need.overdue) return 'overdue';
  return Date.parse(need.dueAt) - now <= SOON_MS ? 'soon' : 'ok';
}

/** The due time of a need's current step, marked in words (not colour alone) when late or close. */
export function NeedDue({ need }: { need: Pick<Need, 'dueAt' | 'overdue'> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const state = dueState(need, Date.now());
  if (state === 'none' || !need.dueAt) return <span>—</span>;
  const at = f.dateTime(need.dueAt);
  return (
    <span className={`need-due need-due-${state}`} data-testid="need-due" data-due={state}>
      {state === 'ok' ? at : t(`needs.due.${state}`, { at })}
    </span>
  );
}
