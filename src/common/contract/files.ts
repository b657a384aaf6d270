import { z } from 'zod';

/** A stored photo as the uploader gets it back: its id to attach, and where it is served. */
export const StoredFileSchema = z
  .strictObject({
    id: z.string().describe('The file id (random): attach it by this id'),
    contentType: z.enum(['image/jpeg', 'image/png']).describe('The stored (re-encoded) type'),
    size: z.number().int().describe('Bytes of the stored file'),
    width: z.number().int(),
    height: z.number().int(),
    url: z.string().describe('Where the photo is served, to those who may see it'),
    thumbnailUrl: z.string().describe('Its thumbnail (at most 320 px)'),
  })
  .describe('A stored photo');
export type StoredFile = z.infer<typeof StoredFileSchema>;

/** A photo as a need (or another owner) shows it. */
export const PhotoSchema = z.strictObject({
  id: z.string(),
  url: z.string().describe('The full photo'),
  thumbnailUrl: z.string().describe('Its thumbnail'),
});
export type Photo = z.infer<typeof PhotoSchema>;

/** At most this many photos on one thing (a need's completion, a report). */
export const MAX_PHOTOS = 9;
