import { useTranslation } from 'react-i18next';
import type { Need } from '../../api/needs.api.js';
import { useFormat } from '../../components/format.js';
import { eventKey, eventNote } from './need-steps.js';

/** Every step of a need, in order: when (local time), what, by whom, and the reason or score it carries. */
export function NeedTimeline({ need }: { need: Need }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ol className="need-timeline" data-testid="need-timeline">
      {need.timeline.map((e, i) => {
        const note = eventNote(e);
        return (
          <li key={`${e.kind}-${i}`} data-testid="need-event" data-kind={eventKey(e)}>
            <time dateTime={e.at}>{f.dateTime(e.at)}</time> <strong>{t(`needs.events.${eventKey(e)}`)}</strong>
            {e.by && <span className="hint"> · {t('needs.by', { name: e.by })}</span>}
            {note.reason && <p className="need-note">{t('needs.reasonIs', { reason: note.reason })}</p>}
            {note.text && <p className="need-note">{note.text}</p>}
            {note.score !== undefined && <p className="need-note">{t('needs.scoreIs', { score: note.score })}</p>}
          </li>
        );
      })}
    </ol>
  );
}
