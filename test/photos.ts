import exifr from 'exifr';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';

/**
 * A phone's photo: a JPEG whose EXIF carries a camera make and the GPS position of 解放碑
 * (29°33'27"N 106°34'38"E), for checking that stored photos keep none of it.
 */
export const jpegWithGps = (o: { width?: number; height?: number; colour?: string }) =>
  sharp({ create: { width: o.width ?? 640, height: o.height ?? 480, channels: 3, background: o.colour ?? '#3a7' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '29/1 33/1 27/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '106/1 34/1 38/1',
      },
    })
    .toBuffer();

/**
 * A JPEG well over half a megabyte: 1200×1200 of noise, which does not compress, at quality 100.
 * For the 413 of an app started with SHANMEI_FILES_MAX_MB=0.5.
 */
export async function oversizedJpeg(): Promise<Buffer> {
  const noise = Buffer.alloc(1200 * 1200 * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  return sharp(noise, { raw: { width: 1200, height: 1200, channels: 3 } })
    .jpeg({ quality: 100 })
    .toBuffer();
}

/**
 * An iPhone's kind of photo: a 64×48 HEIC whose EXIF carries the GPS position 29°33'N 106°33'E.
 * Made once with Debian's libheif (`heif-enc -q 50 -o iphone-gps.heic in.jpg`, from a JPEG
 * written like `jpegWithGps`): sharp here cannot write HEVC.
 */
export const heicWithGps = () => readFileSync(new URL('./fixtures/iphone-gps.heic', import.meta.url));

/**
 * The GPS position in a HEIC's EXIF, read with exifr from the TIFF header inside the file
 * (exifr's own HEIC reader refuses the EXIF item libheif 1.15 writes).
 */
export async function gpsInsideHeic(bytes: Buffer): Promise<{ latitude: number; longitude: number } | undefined> {
  const tiff = [Buffer.from('MM\0*'), Buffer.from('II*\0')].map((h) => bytes.indexOf(h)).find((i) => i >= 0);
  return tiff === undefined ? undefined : exifr.gps(bytes.subarray(tiff));
}
