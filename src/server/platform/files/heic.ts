import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** A decoded HEIC photo: RGBA pixels, four bytes each, row by row. */
export interface DecodedHeic {
  width: number;
  height: number;
  rgba: Buffer;
}

/** Why a HEIC file was not decoded: unreadable bytes, too many pixels, or too long. */
export class HeicDecodeError extends Error {}

/** How long one decoding may take before its worker is stopped (a 12-megapixel photo takes about 2 s). */
const DECODE_TIMEOUT_MS = 60_000;
/**
 * At most this many decodings at once, the others wait: a 48-megapixel photo holds about 200 MB
 * of pixels while it is decoded.
 */
const MAX_CONCURRENT = 2;

/**
 * The worker's code, plain CommonJS so that it runs the same from the TypeScript sources and from
 * the build. `heic-decode` is libheif compiled to WebAssembly: it decodes HEVC, which the prebuilt
 * image library cannot, and runs synchronously, so it is kept off the server's event loop.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const decode = require(workerData.module);
(async () => {
  const images = await decode.all({ buffer: workerData.bytes });
  try {
    const image = images[0];
    if (image.width * image.height > workerData.maxPixels) {
      parentPort.postMessage({ error: 'too many pixels' });
      return;
    }
    const { width, height, data } = await image.decode();
    parentPort.postMessage({ width, height, data }, [data.buffer]);
  } finally {
    images.dispose();
  }
})().catch((err) => parentPort.postMessage({ error: String(err && err.message ? err.message : err) }));
`;

const decoderModule = createRequire(import.meta.url).resolve('heic-decode');

let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function decodeInWorker(bytes: Buffer, maxPixels: number): Promise<DecodedHeic> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { module: decoderModule, bytes, maxPixels },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (err: Error | null, value?: DecodedHeic) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (err) reject(err);
      else resolve(value!);
    };
    const timer = setTimeout(() => finish(new HeicDecodeError('decoding took too long')), DECODE_TIMEOUT_MS);
    worker.on('message', (m: { error?: string; width?: number; height?: number; data?: Uint8ClampedArray }) => {
      if (m.error !== undefined || !m.data) finish(new HeicDecodeError(m.error ?? 'no image'));
      else {
        const rgba = Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength);
        finish(null, { width: m.width!, height: m.height!, rgba });
      }
    });
    worker.on('error', (err) => finish(new HeicDecodeError(err.message)));
    worker.on('exit', () => finish(new HeicDecodeError('the decoder stopped')));
  });
}

/**
 * Decodes a HEIC/HEIF photo (an iPhone's) to pixels in a worker thread, with the transforms its
 * file records (rotation, mirroring) applied. Refuses, with a HeicDecodeError, a file whose image
 * has more than `maxPixels` pixels before decoding it, and bytes the decoder cannot read.
 */
export const decodeHeic = (bytes: Buffer, maxPixels: number): Promise<DecodedHeic> =>
  slot(() => decodeInWorker(bytes, maxPixels));
