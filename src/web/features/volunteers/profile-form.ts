import type { TFunction } from 'i18next';
import { UpdateVolunteerBody, type AvailabilitySlot, type Volunteer } from '../../../common/contract/volunteers.js';
import { ApiError } from '../../api/http-client.js';
import type { ProfileChange } from '../../api/profile.api.js';
import { errorText } from '../../components/error-text.js';
import { issueMessage } from '../../components/zod-messages.js';

/** What the profile form edits; the phone stays empty unless it is to change. */
export interface ProfileState {
  phone: string;
  /** Asked for only with a new phone, which is also a login. */
  currentPassword: string;
  /** The code sent by SMS to the new phone. */
  verificationCode: string;
  regionPath: string[];
  skills: string[];
  fields: string[];
  availability: AvailabilitySlot[];
}

/** The API's names of what the form edits. */
export type ProfileField = keyof ProfileChange;
/** Errors by field; an availability slot's error is keyed `availability.<index>`. */
export type ProfileErrors = Partial<Record<ProfileField | 'form' | `availability.${number}`, string>>;

export const stateOf = (v: Volunteer, regionPath: string[]): ProfileState => ({
  phone: '',
  currentPassword: '',
  verificationCode: '',
  regionPath,
  skills: [...v.skills],
  fields: [...v.fields],
  availability: v.availability.map((s) => ({ ...s })),
});

/** The PATCH body: everything the form holds, the phone only when one was typed. */
export function changeOf(s: ProfileState): ProfileChange {
  const phone = s.phone.trim();
  return {
    ...(phone ? { phone, currentPassword: s.currentPassword, verificationCode: s.verificationCode.trim() } : {}),
    regionCode: s.regionPath[s.regionPath.length - 1] ?? '',
    skills: s.skills,
    fields: s.fields,
    availability: [...s.availability].sort((a, b) => a.day - b.day || a.from.localeCompare(b.from)),
  };
}

/** Where an issue path points in the form: `['availability', 2, 'to']` → `availability.2`. */
function errorKey(path: readonly PropertyKey[]): keyof ProfileErrors {
  const [field, index] = path;
  if (field === 'availability' && typeof index === 'number') return `availability.${index}`;
  return (typeof field === 'string' ? field : 'form') as keyof ProfileErrors;
}

/** The server's schema run in the browser, so the form says what the API would refuse, before sending. */
export function validateProfile(change: ProfileChange, t: TFunction): ProfileErrors {
  const parsed = UpdateVolunteerBody.safeParse(change);
  const errors: ProfileErrors = {};
  if (change.phone !== undefined && !change.currentPassword)
    errors.currentPassword = t('profile.currentPasswordRequired');
  if (change.phone !== undefined && !change.verificationCode)
    errors.verificationCode = t('validation.format.verificationCode');
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const key = errorKey(issue.path);
    const field = String(issue.path[issue.path.length - 1] ?? key);
    const message =
      issue.code === 'custom' && key.startsWith('availability.')
        ? t('profile.availability.endAfterStart')
        : issueMessage(issue, key === 'regionCode' ? 'regionCode' : field, t);
    errors[key] ??= key === 'regionCode' ? t('profile.server.RULE_VIOLATION.regionCode') : message;
  }
  return errors;
}

/**
 * A server refusal placed beside the field it names (`details.field`, e.g. `body.phone` or
 * `body.availability.0.to`), in the UI language where there is a sentence for it.
 */
export function serverErrors(err: unknown, t: TFunction): ProfileErrors {
  if (!(err instanceof ApiError)) return { form: errorText(err, t) };
  const parts = err.field?.split('.') ?? [];
  const key = errorKey(parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p)));
  if (
    !err.field ||
    !['phone', 'currentPassword', 'verificationCode', 'regionCode', 'skills', 'fields', 'availability'].includes(
      parts[0] ?? '',
    )
  ) {
    return { form: errorText(err, t) };
  }
  return { [key]: errorText(err, t, { keys: (e) => [`profile.server.${e.code}.${parts[0]}`] }) };
}
