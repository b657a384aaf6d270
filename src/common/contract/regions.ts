import { z } from 'zod';
import { REGION_LEVELS } from '../enums.js';

export const RegionSchema = z
  .object({
    code: z
      .string()
      .describe('GB/T 2260 code (6 digits; 9 and 12 below districts); functional zones use codes with letters'),
    name: z.string(),
    level: z.enum(REGION_LEVELS),
    parentCode: z.string().nullable(),
    kind: z.string().describe('"division", or "functional_zone" for zones the city counts as districts'),
  })
  .describe('Region');
export type Region = z.infer<typeof RegionSchema>;

/** At most this many codes in one `?codes=` look-up. */
export const REGION_CODES_MAX = 200;

const RegionCodes = z
  .string()
  .max(REGION_CODES_MAX * 21)
  .regex(/^[0-9A-Za-z]{1,20}(,[0-9A-Za-z]{1,20})*$/, 'must be region codes separated by commas')
  .refine((s) => new Set(s.split(',')).size <= REGION_CODES_MAX, `must name at most ${REGION_CODES_MAX} codes`)
  .describe(
    `Comma-separated codes (at most ${REGION_CODES_MAX}): these regions, for showing names; unknown codes are left out`,
  );

export const RegionQuery = z
  .strictObject({
    parent: z.string().max(20).optional().describe('List the children of this code; omitted: the top-level regions'),
    codes: RegionCodes.optional(),
  })
  .refine((q) => q.parent === undefined || q.codes === undefined, {
    message: 'give parent or codes, not both',
    path: ['codes'],
  });

/** The distinct codes of a `?codes=` value. */
export const splitRegionCodes = (codes: string): string[] => [...new Set(codes.split(','))];

export const RegionList = z.object({ items: z.array(RegionSchema) });
