import { z } from 'zod';

export const CalendarUrlAnswer = z
  .object({
    url: z
      .string()
      .describe('Secret iCalendar subscription URL (text/calendar, no login): whoever has it sees your shifts'),
  })
  .describe('Calendar subscription');

export const CalendarTokenParams = z.strictObject({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a calendar token')
    .describe('The secret token of a subscription URL'),
});
