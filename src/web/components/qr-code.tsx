import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code of `value` drawn as an image; `label` is its text alternative. */
export function QrCode({ value, label, size = 240 }: { value: string; label: string; size?: number }) {
  const [src, setSrc] = useState('');
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(value, { errorCorrectionLevel: 'M', margin: 2, width: size * 2 })
      .then((url) => live && setSrc(url))
      .catch(() => live && setSrc(''));
    return () => {
      live = false;
    };
  }, [value, size]);
  return src ? (
    <img className="qr-code" src={src} alt={label} width={size} height={size} data-token={value} />
  ) : (
    <div className="qr-code" style={{ width: size, height: size }} aria-hidden="true" />
  );
}

/**
 * How long to wait before asking for a rotating code again: a moment before it expires, but
 * never longer than its window nor shorter than a few seconds, so a device whose clock is off
 * neither shows a stale code for long nor asks the server in a loop.
 */
export function refreshDelay(expiresAt: string, windowSeconds: number, now = Date.now()): number {
  const until = Date.parse(expiresAt) - now - 1500;
  return Math.min(Math.max(until, 3000), Math.max(windowSeconds, 5) * 1000);
}
