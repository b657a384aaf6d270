import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { VolunteerCreateBody } from '../../api/pending-contracts.js';
import type { VolunteerInput } from '../../api/volunteers.api.js';

export type FieldErrors = Partial<Record<keyof VolunteerInput | 'form', string>>;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643 check digit of an 18-character resident ID number. */
export function residentIdValid(id: string): boolean {
  const v = id.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] === v[17];
}

function messageFor(issue: z.core.$ZodIssue, field: string, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      return issue.minimum === 1 ? t('validation.required') : t('validation.minLength', { min: issue.minimum });
    case 'too_big':
      return t('validation.maxLength', { max: issue.maximum });
    case 'invalid_format':
      return t(`validation.format.${field}`, { defaultValue: t('validation.invalid') });
    case 'invalid_value':
      return t('validation.required');
    default:
      return t('validation.invalid');
  }
}

/** The same checks the server makes, so most mistakes are shown before sending. */
export function validateRegistration(input: VolunteerInput, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  const parsed = VolunteerCreateBody.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form') as keyof FieldErrors;
      if (!errors[field]) errors[field] = messageFor(issue, field, t);
    }
  }
  if (!errors.idNumber && input.idType === 'resident_id' && !residentIdValid(input.idNumber.trim())) {
    errors.idNumber = t('validation.format.idNumber');
  }
  return errors;
}
