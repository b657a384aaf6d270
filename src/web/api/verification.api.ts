import type { z } from 'zod';
import type { RequestCodeAnswer, VerificationPurpose } from '../../common/contract/verification.js';
import { api } from './http-client.js';

/** Asks for a one-time code by SMS to `phone`; the answer is the same whether or not the phone is known. */
export const requestCode = (phone: string, purpose: VerificationPurpose) =>
  api.post<z.infer<typeof RequestCodeAnswer>>('/verification-codes', { phone, purpose });

/** A new password with a code sent to the account's phone: every session and token ends. */
export const resetPassword = (body: { phone: string; verificationCode: string; newPassword: string }) =>
  api.post<null>('/auth/password-reset', body);

/** A new password with the current one: other sessions and every API token end. */
export const changePassword = (body: { currentPassword: string; newPassword: string }) =>
  api.put<null>('/me/password', body);

/** Closes the account for good: name, ID, phone, e-mail and logins are erased; service records stay. */
export const closeAccount = (currentPassword: string) =>
  api.post<null>('/me/close', { currentPassword, confirm: true });
