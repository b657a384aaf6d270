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

export const RegionQuery = z.strictObject({
  parent: z.string().max(20).optional().describe('List the children of this code; omitted: the top-level regions'),
});

export const RegionList = z.object({ items: z.array(RegionSchema) });
