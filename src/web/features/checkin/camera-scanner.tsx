import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorCtor = new (opts: { formats: string[] }) => Detector;

/**
 * The camera looking for a QR code: the browser's BarcodeDetector where there is one, else
 * @zxing/browser, fetched only now (it never weighs on other pages). Stops on the first code.
 */
export function CameraScanner({ onCode, label }: { onCode: (text: string) => void; label: string }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const done = useRef(false);

  useEffect(() => {
    let stop = () => {};
    let cancelled = false;
    const found = (text: string) => {
      if (done.current || cancelled) return;
      done.current = true;
      stop();
      onCode(text);
    };
    const start = async () => {
      const el = video.current;
      if (!el) return;
      const Native = (window as unknown as { BarcodeDetector?: DetectorCtor }).BarcodeDetector;
      if (Native) {
        const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        stop = () => stream.getTracks().forEach((tr) => tr.stop());
        if (cancelled) return stop();
        el.srcObject = stream;
        await el.play();
        const detector = new Native({ formats: ['qr_code'] });
        const tick = async () => {
          if (cancelled || done.current) return;
          const codes = await detector.detect(el).catch(() => []);
          if (codes[0]) found(codes[0].rawValue);
          else setTimeout(() => void tick(), 250);
        };
        void tick();
      } else {
        const { BrowserQRCodeReader } = await import('@zxing/browser');
        const controls = await new BrowserQRCodeReader().decodeFromVideoDevice(undefined, el, (result) => {
          if (result) found(result.getText());
        });
        stop = () => controls.stop();
        if (cancelled) stop();
      }
    };
    start().catch(() => setFailed(true));
    return () => {
      cancelled = true;
      stop();
    };
  }, [onCode]);

  return (
    <div className="camera">
      {failed ? (
        <p className="notice error" role="alert">
          {t('checkin.cameraFailed')}
        </p>
      ) : (
        <video ref={video} className="camera-video" muted playsInline aria-label={label} />
      )}
    </div>
  );
}
