import { z } from 'zod';
import { Password, Phone } from './common.js';

/** What a code proves the phone for. */
export const VERIFICATION_PURPOSES = ['register', 'phone_change', 'password_reset', 'guardian_consent'] as const;
export type VerificationPurpose = (typeof VERIFICATION_PURPOSES)[number];

/** How long a code is good for, how soon another may be sent, and how many guesses it allows. */
export const CODE_TTL_SECONDS = 600;
export const CODE_RESEND_SECONDS = 60;
export const CODE_MAX_ATTEMPTS = 5;

export const VerificationCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'must be the 6 digits sent by SMS to this phone')
  .describe('The 6-digit code sent by SMS to this phone (POST /verification-codes)');

export const RequestCodeBody = z.strictObject({
  phone: Phone,
  purpose: z
    .enum(VERIFICATION_PURPOSES)
    .describe("register, phone_change (logged in), password_reset or guardian_consent (to the minor's guardian)"),
});
export type RequestCodeBody = z.infer<typeof RequestCodeBody>;

export const RequestCodeAnswer = z
  .object({
    expiresInSeconds: z.number().int().describe('How long a code sent now stays good'),
    resendAfterSeconds: z.number().int().describe('How soon another may be asked for this phone'),
  })
  .describe('The same answer whether or not the phone is known, and whether or not a code was sent');

export const PasswordResetBody = z.strictObject({
  phone: Phone,
  verificationCode: VerificationCode,
  newPassword: Password,
});
export type PasswordResetBody = z.infer<typeof PasswordResetBody>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200).describe('The password in use now'),
  newPassword: Password,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const CloseAccountBody = z.strictObject({
  currentPassword: z.string().min(1).max(200).describe('The password in use now'),
  confirm: z.literal(true).describe('true: I understand my name, ID number, phone and logins are erased for good'),
});
export type CloseAccountBody = z.infer<typeof CloseAccountBody>;
