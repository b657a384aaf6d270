import { z } from 'zod';
import type { Role } from '../enums.js';
import { LIMITS } from '../limits.js';
import { text } from './common.js';

/** `read`: GET and HEAD only; `full`: whatever its owner may do (never a personal-data export). */
export const TOKEN_SCOPES = ['read', 'full'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Admins and organisers (team admins) may make tokens for their scripts; volunteers may not. */
export const TOKEN_ROLES: readonly Role[] = ['system_admin', 'region_admin', 'department_admin', 'team_admin'];

export const TOKEN_DAYS = { min: 1, max: 365, default: 90 } as const;

/** How many tokens one person may hold unrevoked and unexpired at once. */
export const TOKENS_PER_USER = 20;

export const TokenBody = z.strictObject({
  name: text(LIMITS.tokenNameMax).describe('What the token is for, e.g. the script that uses it'),
  scope: z
    .enum(TOKEN_SCOPES)
    .default('full')
    .describe('read: GET and HEAD only; full: everything its owner may do, except personal-data exports'),
  days: z
    .number()
    .int()
    .min(TOKEN_DAYS.min)
    .max(TOKEN_DAYS.max)
    .default(TOKEN_DAYS.default)
    .describe(`Days until the token ends (${TOKEN_DAYS.min}–${TOKEN_DAYS.max}, default ${TOKEN_DAYS.default})`),
});
export type TokenBody = z.input<typeof TokenBody>;

export const TokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: z.enum(TOKEN_SCOPES),
    createdAt: z.string(),
    expiresAt: z.string().describe('After this the token answers 401'),
    lastUsedAt: z.string().nullable().describe('Kept to the minute: at most one write a minute per token'),
  })
  .describe('ApiToken');
export type ApiToken = z.infer<typeof TokenSchema>;

export const TokenAnswer = TokenSchema.extend({
  token: z.string().describe('The secret (smt_…): shown this once, only its hash is kept'),
});
export type NewApiToken = z.infer<typeof TokenAnswer>;

export const TokenList = z.object({ items: z.array(TokenSchema) });
export type TokenList = z.infer<typeof TokenList>;

/**
 * The header carrying the caller's current password for a personal-data export (ID numbers and
 * phones in full). A header, because those exports are GET downloads: never in the URL, and
 * request logs carry no headers.
 */
export const CONFIRM_PASSWORD_HEADER = 'x-confirm-password';

export const ConfirmPasswordHeaders = z.looseObject({
  [CONFIRM_PASSWORD_HEADER]: z
    .string()
    .max(LIMITS.passwordMax)
    .optional()
    .describe('Your current password: required for ID numbers and phones in full (session callers only)'),
});
