import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { QrCode } from '../../components/qr-code.js';
import { spacedCode, useCheckinCode } from './use-checkin-code.js';

interface Props {
  shiftId: string;
  title: string;
  onClose: () => void;
}

/**
 * The rotating check-in code filling the screen, for a projector: the QR of the token and
 * the 6 digits, large. Escape (or the button) leaves; focus returns where it was.
 */
export function CodeScreen({ shiftId, title, onClose }: Props) {
  const { t } = useTranslation();
  const q = useCheckinCode(shiftId);
  const root = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    close.current?.focus();
    root.current?.requestFullscreen?.().catch(() => undefined);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    // The browser's own Escape leaves full screen first; leaving it closes the screen too.
    const onFs = () => {
      if (!document.fullscreenElement) onClose();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onFs);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFs);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      opener?.focus();
    };
  }, [onClose]);

  return (
    <div
      ref={root}
      className="code-screen"
      role="dialog"
      aria-modal="true"
      aria-labelledby="code-screen-title"
      data-testid="code-screen"
    >
      <h2 id="code-screen-title" className="code-screen-title">
        {title}
      </h2>
      {q.data ? (
        <div className="code-screen-body">
          <QrCode value={q.data.token} label={t('organiser.desk.qrLabel')} size={420} />
          <div className="code-screen-digits">
            <p className="code-screen-hint">{t('organiser.desk.typeCode')}</p>
            <p className="code-digits" data-testid="checkin-digits" aria-live="polite">
              {spacedCode(q.data.code)}
            </p>
            <p className="code-screen-hint">{t('organiser.desk.rotates', { seconds: q.data.windowSeconds })}</p>
          </div>
        </div>
      ) : (
        <p className="status">{t('common.loading')}</p>
      )}
      <button ref={close} type="button" className="code-screen-close" onClick={onClose}>
        {t('organiser.desk.leaveFull')}
      </button>
    </div>
  );
}
