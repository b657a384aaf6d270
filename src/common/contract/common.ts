import { MAINLAND_MOBILE } from '../id-numbers.js';
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { ROLES, SCOPE_TYPES } from '../enums.js';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable SNAKE_CASE code'),
      message: z.string().describe('Human sentence saying what is wrong'),
      details: z.unknown().optional(),
    }),
  })
  .describe('Error');

/** Standard 4xx answers, for the OpenAPI document. */
export const errorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  422: ErrorSchema,
  429: ErrorSchema,
} as const;

/**
 * The 4xx any operation may answer, even one that takes no input: 400 for a control character in
 * the query, 401 for a bearer token that is not valid.
 */
export const baseErrorResponses = { 400: ErrorSchema, 401: ErrorSchema } as const;

/**
 * `security` of an operation anyone may call, signed in or not (API.md "anyone"). A route that
 * declares no `security` needs a session or a bearer token: anonymous callers get 401 before
 * their input is checked (server/plugins/auth.ts).
 */
export const PUBLIC = [] as const;

/** `security` of an operation anyone may call that answers a signed-in caller more (staff views). */
export const OPTIONAL_AUTH = [{}] as const;

export const IdParams = z.strictObject({ id: z.string().min(1).max(64).describe('Resource id') });

/** A trimmed, non-empty string with a maximum length. */
export const text = (max: number) => z.string().trim().min(1).max(max);

export const PageQuery = {
  cursor: z.string().max(200).optional().describe('Opaque cursor from the previous page'),
  limit: z.coerce.number().int().min(1).max(LIMITS.listMax).default(LIMITS.listDefault).describe('Page size (≤ 200)'),
};

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const Latitude = z.number().min(-90).max(90).describe('WGS-84 latitude');
export const Longitude = z.number().min(-180).max(180).describe('WGS-84 longitude');

export const GrantSchema = z.object({
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: z.string(),
});
export type Grant = z.infer<typeof GrantSchema>;

/** A list of short tags (skills, fields, facilities). */
export const tags = z.array(text(LIMITS.tagMax)).max(LIMITS.tagsMax);

export const Phone = z
  .string()
  .trim()
  .regex(MAINLAND_MOBILE, 'must be a mainland mobile number: 11 digits starting with 13–19')
  .describe('Mainland mobile number, 11 digits; stored encrypted and shown masked');

/**
 * A new password. Only its size is checked here; the server's password policy
 * (platform/password-policy.ts) refuses a short, blank, common or personal one with a 422 that
 * names the reason.
 */
export const Password = z
  .string()
  .min(1, 'must not be empty')
  .max(LIMITS.passwordMax, `must have at most ${LIMITS.passwordMax} characters`)
  .describe(
    `Password, ${LIMITS.passwordMin}–${LIMITS.passwordMax} characters, not only spaces, not a common password, ` +
      'and not containing your phone, ID number (or its last 6 characters) or name',
  );
