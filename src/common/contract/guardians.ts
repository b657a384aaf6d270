import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Phone, text } from './common.js';
import { VerificationCode } from './verification.js';

/** Who the guardian is to the minor. */
export const GUARDIAN_RELATIONS = ['father', 'mother', 'grandparent', 'other_guardian'] as const;
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number];

/**
 * A guardian's consent for a minor (PIPL art. 31): their name, relation and a phone proved
 * by the code sent to it (purpose guardian_consent), so the consent is theirs.
 */
export const GuardianConsentBody = z
  .strictObject({
    name: text(LIMITS.nameMax).describe("The guardian's real name"),
    relation: z.enum(GUARDIAN_RELATIONS).describe('father, mother, grandparent or other_guardian'),
    phone: Phone.describe("The guardian's mobile number"),
    verificationCode: VerificationCode.describe(
      "The 6-digit code sent by SMS to the guardian's phone (POST /verification-codes, purpose guardian_consent)",
    ),
  })
  .describe("A guardian's consent, proved by a code sent to the guardian's phone");
export type GuardianConsentBody = z.infer<typeof GuardianConsentBody>;

export const GuardianSchema = z
  .object({
    name: z.string().describe("The guardian's name, masked: its first character only"),
    relation: z.enum(GUARDIAN_RELATIONS).describe('Who the guardian is to the volunteer'),
    phone: z.string().describe("The guardian's phone, masked, e.g. 138****1234"),
    consentedAt: z.string().describe('ISO-8601 time the guardian consented'),
  })
  .describe("A minor's guardian, as shown to the minor and to admins with a duty over their region");
export type Guardian = z.infer<typeof GuardianSchema>;
