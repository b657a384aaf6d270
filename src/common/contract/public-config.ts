import { z } from 'zod';
import { LOCALES } from '../enums.js';

export const PublicConfigSchema = z
  .object({
    map: z.object({
      tileUrl: z
        .string()
        .nullable()
        .describe('Raster tile URL template with {z}, {x} and {y}; null: draw on a plain background'),
      attribution: z.string().nullable().describe('Plain text the tile licence asks to show on the map'),
    }),
    timeZone: z.string().describe('IANA time zone for service dates, e.g. Asia/Shanghai'),
    locales: z.array(z.enum(LOCALES)).describe('Languages of the web app, default first'),
    guardian: z
      .object({
        age: z.number().int().describe("Below this age a guardian's consent is needed to take part (18)"),
        registrationAge: z.number().int().describe("Below this age a guardian's consent is needed to register (14)"),
      })
      .describe('Ages at which minors need their guardian'),
  })
  .describe('What the web app needs to know about this installation; nothing secret');
export type PublicConfig = z.infer<typeof PublicConfigSchema>;
