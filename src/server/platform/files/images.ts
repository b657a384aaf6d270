import sharp, { type Sharp } from 'sharp';
import { AppError, refusal } from '../../../common/errors.js';
import { decodeHeic } from './heic.js';

/** The longest side of a thumbnail, for lists. */
export const THUMBNAIL_PX = 320;
/** The longest side kept of a photo: a phone's 48-megapixel shot is made smaller, not refused. */
const MAX_SIDE_PX = 4096;
/**
 * The most pixels decoded (a 48-megapixel phone photo fits): a small file that claims a huge
 * image (a decompression bomb) is refused instead of filling the memory.
 */
const MAX_INPUT_PIXELS = 64_000_000;

export type ImageType = 'jpeg' | 'png' | 'heic';

/**
 * What the bytes are, whatever the file's name or the declared type: JPEG (FF D8 FF), PNG (its
 * 8-byte signature) or HEIC/HEIF (an ISO-BMFF `ftyp` box with a HEIF brand); null for anything else.
 */
export function sniffImage(b: Buffer): ImageType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'png';
  }
  if (b.length >= 12 && b.toString('latin1', 4, 8) === 'ftyp') {
    const brand = b.toString('latin1', 8, 12);
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1'].includes(brand)) return 'heic';
  }
  return null;
}

export interface PreparedImage {
  contentType: 'image/jpeg' | 'image/png';
  body: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
}

const unsupported = (reason: 'file_type_not_allowed' | 'image_unreadable', message: string) =>
  refusal('UNSUPPORTED_MEDIA_TYPE', reason, message);

/** The pixels to re-encode: sharp reads JPEG and PNG itself; HEIC is decoded to raw pixels first. */
async function openImage(bytes: Buffer, type: ImageType): Promise<Sharp> {
  if (type !== 'heic') return sharp(bytes, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS }).rotate();
  const { width, height, rgba } = await decodeHeic(bytes, MAX_INPUT_PIXELS);
  // The decoder has applied the file's rotation; raw pixels carry no metadata to keep.
  return sharp(rgba, { raw: { width, height, channels: 4 }, limitInputPixels: MAX_INPUT_PIXELS }).flatten({
    background: '#ffffff',
  });
}

/**
 * Re-encodes an uploaded photo so that nothing of the original file but its pixels is kept: EXIF
 * (with any GPS position), XMP, IPTC and comments are dropped, the orientation applied to the
 * pixels. A HEIC photo (an iPhone's) is stored as JPEG. Refused with 415: anything that is not
 * JPEG, PNG or HEIC by its bytes, and a file of those types that cannot be decoded.
 */
export async function prepareImage(bytes: Buffer): Promise<PreparedImage> {
  const type = sniffImage(bytes);
  if (type === null) throw unsupported('file_type_not_allowed', 'Only JPEG, PNG or HEIC photos can be uploaded');
  try {
    const image = (await openImage(bytes, type)).resize({
      width: MAX_SIDE_PX,
      height: MAX_SIDE_PX,
      fit: 'inside',
      withoutEnlargement: true,
    });
    const encode = (s: Sharp) => (type === 'png' ? s.png() : s.jpeg({ quality: 85, mozjpeg: true }));
    const { data, info } = await encode(image.clone()).toBuffer({ resolveWithObject: true });
    const thumbnail = await encode(
      image.clone().resize({ width: THUMBNAIL_PX, height: THUMBNAIL_PX, fit: 'inside', withoutEnlargement: true }),
    ).toBuffer();
    return {
      contentType: type === 'png' ? 'image/png' : 'image/jpeg',
      body: data,
      thumbnail,
      width: info.width,
      height: info.height,
    };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unsupported('image_unreadable', 'The photo could not be read: it may be damaged');
  }
}
