import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { GrantSchema, text } from './common.js';

export const LoginBody = z.strictObject({
  login: text(64).describe('Username, phone number or volunteer code'),
  password: z.string().min(1).max(LIMITS.passwordMax),
});

export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string().nullable(),
    displayName: z.string(),
    phone: z.string().nullable().describe('Masked, e.g. 138****1234'),
    locale: z.string(),
    regionCode: z.string().nullable(),
    volunteerId: z.string().nullable(),
    volunteerCode: z.string().nullable(),
  })
  .describe('User');
export type User = z.infer<typeof UserSchema>;

export const LoginAnswer = z.object({ user: UserSchema });

export const MeAnswer = z.object({
  user: UserSchema,
  roles: z.array(GrantSchema),
  csrfToken: z.string().nullable().describe('Send as X-CSRF-Token on state-changing requests'),
});
export type Me = z.infer<typeof MeAnswer>;

export const LogoutAllAnswer = z
  .object({ endedSessions: z.number().int().describe('How many sessions ended, this one included') })
  .describe('Logged out everywhere');
