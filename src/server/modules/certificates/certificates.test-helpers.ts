/** Reading a certificate PDF back with independent tools: poppler's pdftotext and pdftoppm, and jsQR. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsqrModule from 'jsqr';

// jsqr under NodeNext: the CommonJS export is the module's default (STACK.md).
const jsQR = jsqrModule.default;

function inTempDir<T>(pdf: Buffer, f: (dir: string, file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'shanmei-cert-'));
  try {
    const file = join(dir, 'c.pdf');
    writeFileSync(file, pdf);
    return f(dir, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text as pdftotext reads it. */
export const pdfText = (pdf: Buffer): string =>
  inTempDir(pdf, (_dir, file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8'));

/** The first page rendered by pdftoppm (binary PPM, P6) as RGBA pixels. */
function firstPage(pdf: Buffer): { data: Uint8ClampedArray; width: number; height: number } {
  return inTempDir(pdf, (dir, file) => {
    execFileSync('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'page')]);
    const ppm = readFileSync(join(dir, 'page.ppm'));
    // Header: "P6" width height maxval, whitespace-separated, then the raw RGB bytes.
    const fields: string[] = [];
    let i = 0;
    while (fields.length < 4) {
      while (/\s/.test(String.fromCharCode(ppm[i] ?? 32))) i += 1;
      let s = '';
      while (!/\s/.test(String.fromCharCode(ppm[i] ?? 32))) s += String.fromCharCode(ppm[i++] ?? 32);
      fields.push(s);
    }
    i += 1;
    const width = Number(fields[1]);
    const height = Number(fields[2]);
    const data = new Uint8ClampedArray(width * height * 4);
    for (let p = 0; p < width * height; p += 1) {
      data[p * 4] = ppm[i + p * 3] ?? 0;
      data[p * 4 + 1] = ppm[i + p * 3 + 1] ?? 0;
      data[p * 4 + 2] = ppm[i + p * 3 + 2] ?? 0;
      data[p * 4 + 3] = 255;
    }
    return { data, width, height };
  });
}

/** What the QR code on the first page says, or null when none is found. */
export function pdfQrText(pdf: Buffer): string | null {
  const page = firstPage(pdf);
  return jsQR(page.data, page.width, page.height)?.data ?? null;
}
