import { Button, Input } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './member-code-scan.css';

const CameraScanner = lazy(async () => ({
  default: (await import('../features/checkin/camera-scanner.js')).CameraScanner,
}));

export interface MemberCodeScanProps {
  /** Called with each code read (trimmed, never empty); the field is cleared for the next one. */
  onCode: (code: string) => void;
  /** Shows the submit button as loading while the code is being handled. */
  busy: boolean;
  /** Changes whenever the field should take the focus again (it takes it on mount too). */
  focusKey: number;
  /** The field's visible label and the submit button's text. */
  label: string;
  submitText: string;
  /** The form's accessible name, when it should be a named landmark. */
  formLabel?: string;
  placeholder?: string;
  inputTestId: string;
  submitTestId?: string;
}

/**
 * Reads a volunteer's member code, for an organiser's kiosk or a supermarket counter: a USB
 * scanner types into the focused field and presses Enter, someone types it, or the camera
 * (loaded only when opened) reads the QR code. Ant Design: only for the consoles.
 */
export function MemberCodeScan(p: MemberCodeScanProps) {
  const { t } = useTranslation();
  const { onCode, focusKey } = p;
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
    <form onSubmit={submit} className="member-scan" aria-label={p.formLabel}>
      <label htmlFor={inputId}>{p.label}</label>
      <div className="member-scan-row">
        <Input
          id={inputId}
          ref={(el) => {
            input.current = el?.input ?? null;
          }}
          value={value}
          autoComplete="off"
          placeholder={p.placeholder}
          onChange={(e) => setValue(e.target.value)}
          data-testid={p.inputTestId}
        />
        <Button htmlType="submit" type="primary" loading={p.busy} data-testid={p.submitTestId}>
          {p.submitText}
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
