import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkinKeys, enterAttendance } from '../../api/checkin.api.js';
import { errorText } from '../../components/error-text.js';
import { useFormat } from '../../components/format.js';
import { MemberCodeScan } from '../../components/member-code-scan.js';

interface Entry {
  key: number;
  ok: boolean;
  text: string;
}

/**
 * A check-in desk: volunteers show their member code; the camera (or a USB scanner typing
 * into the focused field and pressing Enter) reads it, and the attendance is posted.
 */
export function Kiosk({ shiftId, names }: { shiftId: string; names: Map<string, string> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const [kind, setKind] = useState<'in' | 'out'>('in');
  const [focusKey, setFocusKey] = useState(0);
  const [log, setLog] = useState<Entry[]>([]);
  const push = (e: Omit<Entry, 'key'>) => setLog((l) => [{ ...e, key: Date.now() + Math.random() }, ...l].slice(0, 8));
  const send = useMutation({
    mutationFn: (memberCode: string) => enterAttendance(shiftId, { memberCode, kind }),
    onSuccess: (a) => {
      const who = names.get(a.volunteerId) ?? a.volunteerId;
      const at = kind === 'out' && a.checkedOutAt ? a.checkedOutAt : a.checkedInAt;
      push({
        ok: true,
        text: t(kind === 'in' ? 'organiser.kiosk.in' : 'organiser.kiosk.out', { name: who, time: f.time(at) }),
      });
      void client.invalidateQueries({ queryKey: checkinKeys.attendance(shiftId) });
    },
    onError: (err) => push({ ok: false, text: errorText(err, t) }),
    onSettled: () => setFocusKey((k) => k + 1),
  });
  return (
    <section className="admin-panel wide kiosk" aria-labelledby="kiosk-title" data-testid="kiosk">
      <h2 id="kiosk-title">{t('organiser.kiosk.title')}</h2>
      <p>{t('organiser.kiosk.lead')}</p>
      <Radio.Group
        value={kind}
        onChange={(e) => setKind(e.target.value as 'in' | 'out')}
        options={[
          { value: 'in', label: t('checkin.in') },
          { value: 'out', label: t('checkin.out') },
        ]}
        aria-label={t('checkin.what')}
      />
      <MemberCodeScan
        onCode={send.mutate}
        busy={send.isPending}
        focusKey={focusKey}
        label={t('organiser.kiosk.code')}
        submitText={t('organiser.kiosk.record')}
        inputTestId="kiosk-input"
      />
      <ul className="kiosk-log" aria-live="polite" data-testid="kiosk-log">
        {log.map((e) => (
          <li key={e.key} className={e.ok ? 'ok' : 'bad'}>
            {e.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
