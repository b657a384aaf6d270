/**
 * Looking at the first bytes of an upload before choosing how to read it, without holding
 * the rest: the head is read, inspected, then replayed in front of the remaining chunks.
 */
import type { Readable } from 'node:stream';

/** The first chunks of a stream, joined, and an iterator positioned after them. */
export interface StreamHead {
  head: Buffer;
  /** The head is the whole stream. */
  complete: boolean;
  rest: AsyncIterator<unknown>;
}

const asBuffer = (chunk: unknown): Buffer =>
  Buffer.isBuffer(chunk)
    ? chunk
    : typeof chunk === 'string'
      ? Buffer.from(chunk, 'utf8')
      : Buffer.from(chunk as Uint8Array);

/** Reads whole chunks until at least `bytes` are held or the stream ends. */
export async function readHead(input: Readable, bytes: number): Promise<StreamHead> {
  const rest = input[Symbol.asyncIterator]() as AsyncIterator<unknown>;
  const parts: Buffer[] = [];
  let size = 0;
  while (size < bytes) {
    const next = await rest.next();
    if (next.done) return { head: Buffer.concat(parts), complete: true, rest };
    const buf = asBuffer(next.value);
    parts.push(buf);
    size += buf.length;
  }
  return { head: Buffer.concat(parts), complete: false, rest };
}

/** The head again, then the rest of the stream, as Buffers. */
export async function* replay({ head, complete, rest }: StreamHead): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head;
  if (complete) return;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield asBuffer(next.value);
}
