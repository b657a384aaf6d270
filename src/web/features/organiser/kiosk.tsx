import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Input, Radio } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { enterAttendance } from '../../api/checkin.api.js';
import { ApiError } from '../../api/http-client.js';
import { useFormat } from '../../components/format.js';

const CameraScanner = lazy(async () => ({ default: (await import('../checkin/camera-scanner.js')).CameraScanner }));

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
  const inputId = useId();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement | null>(null);
  const [kind, setKind] = useState<'in' | 'out'>('in');
  const [value, setValue] = useState('');
  const [camera, setCamera] = useState(false);
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
      void client.invalidateQueries({ queryKey: ['shift', shiftId, 'attendance'] });
    },
    onError: (err) =>
      push({
        ok: false,
        text: t(`errors.${err instanceof ApiError ? err.code : 'UNKNOWN'}`, { defaultValue: t('errors.UNKNOWN') }),
      }),
    onSettled: () => input.current?.focus(),
  });
  const { mutate } = send;
  useEffect(() => input.current?.focus(), []);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const code = value.trim();
    if (!code) return;
    setValue('');
    mutate(code);
  };
  const onScan = useCallback(
    (code: string) => {
      setCamera(false);
      mutate(code);
    },
    [mutate],
  );
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
      <form onSubmit={onSubmit} className="kiosk-form">
        <label htmlFor={inputId}>{t('organiser.kiosk.code')}</label>
        <Input
          id={inputId}
          ref={(el) => {
            input.current = el?.input ?? null;
          }}
          value={value}
          autoComplete="off"
          onChange={(e) => setValue(e.target.value)}
          data-testid="kiosk-input"
        />
        <Button htmlType="submit" type="primary" loading={send.isPending}>
          {t('organiser.kiosk.record')}
        </Button>
        <Button onClick={() => setCamera(!camera)}>
          {camera ? t('checkin.stopCamera') : t('checkin.startCamera')}
        </Button>
      </form>
      {camera && (
        <Suspense fallback={<p className="status">{t('common.loading')}</p>}>
          <CameraScanner onCode={onScan} label={t('checkin.cameraLabel')} />
        </Suspense>
      )}
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
