import { Button, Input } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

const CameraScanner = lazy(async () => ({ default: (await import('../checkin/camera-scanner.js')).CameraScanner }));

/**
 * Reads a volunteer's member code: a USB scanner types into the focused field and presses
 * Enter, the clerk types it, or the camera (loaded only when opened) reads the QR code.
 */
export function MemberScan({
  onCode,
  busy,
  focusKey,
}: {
  onCode: (code: string) => void;
  busy: boolean;
  /** Changes whenever the field should take the focus again (a new customer, an expired code). */
  focusKey: number;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const input = useRef<HTMLInputElement | null>(null);
  const [value, setValue] = useState('');
  const [camera, setCamera] = useState(false);
  useEffect(() => input.current?.focus(), [focusKey]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const code = value.trim();
    if (!code) return;
    setValue('');
    onCode(code);
  };
  const onScan = useCallback(
    (code: string) => {
      setCamera(false);
      onCode(code);
    },
    [onCode],
  );
  return (
    <form onSubmit={submit} className="member-scan" aria-label={t('counter.redeem.scanForm')}>
      <label htmlFor={inputId}>{t('counter.redeem.memberCode')}</label>
      <div className="member-scan-row">
        <Input
          id={inputId}
          ref={(el) => {
            input.current = el?.input ?? null;
          }}
          value={value}
          autoComplete="off"
          placeholder={t('counter.redeem.memberCodeHint')}
          onChange={(e) => setValue(e.target.value)}
          data-testid="member-code-input"
        />
        <Button htmlType="submit" type="primary" loading={busy} data-testid="member-lookup">
          {t('counter.redeem.lookup')}
        </Button>
        <Button onClick={() => setCamera(!camera)}>
          {camera ? t('checkin.stopCamera') : t('checkin.startCamera')}
        </Button>
      </div>
      {camera && (
        <Suspense fallback={<p className="status">{t('common.loading')}</p>}>
          <CameraScanner onCode={onScan} label={t('checkin.cameraLabel')} />
        </Suspense>
      )}
    </form>
  );
}
