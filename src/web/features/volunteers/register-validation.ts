import type { TFunction } from 'i18next';
import { RegisterVolunteerBody } from '../../../common/contract/volunteers.js';
import { checkIdNumber } from '../../../common/id-numbers.js';
import type { VolunteerInput } from '../../api/volunteers.api.js';
import { issueMessage } from '../../components/zod-messages.js';

export type FieldErrors = Partial<Record<Exclude<keyof VolunteerInput, 'guardian'> | 'form', string>> & {
  /** The guardian's own fields, each with its message. */
  guardian?: Partial<Record<'name' | 'relation' | 'phone' | 'verificationCode', string>>;
};

/**
 * The server's own schema (src/common/contract/volunteers.ts) run in the browser, so the
 * form shows the same mistakes the API would refuse, in the UI language, before sending.
 */
export function validateRegistration(input: VolunteerInput, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  const parsed = RegisterVolunteerBody.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === 'guardian') {
        const sub = String(issue.path[1] ?? 'name') as keyof NonNullable<FieldErrors['guardian']>;
        errors.guardian ??= {};
        errors.guardian[sub] ??= issueMessage(issue, sub, t);
        continue;
      }
      const field = String(issue.path[0] ?? 'form') as Exclude<keyof FieldErrors, 'guardian'>;
      if (!errors[field]) errors[field] = issueMessage(issue, field, t);
    }
  }
  // The schema checks the ID number only once the rest is valid; say it at once.
  if (!errors.idNumber && input.idNumber && !checkIdNumber(input.idType, input.idNumber).ok) {
    errors.idNumber = t('validation.format.idNumber');
  }
  return errors;
}
