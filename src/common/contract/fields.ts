import { z } from 'zod';

export const ServiceFieldSchema = z
  .object({
    code: z.string().describe('Stable code, e.g. ecology'),
    nameZh: z.string(),
    nameEn: z.string(),
  })
  .describe('ServiceField');
export type ServiceField = z.infer<typeof ServiceFieldSchema>;

export const ServiceFieldList = z.object({ items: z.array(ServiceFieldSchema) });
