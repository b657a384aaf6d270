import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/http-client.js';
import { errorText } from '../../components/error-text.js';

/**
 * Puts errors next to antd form fields: the contract schema's (before sending) or the
 * server's (after). `rename` maps a body field to the form field that edits it.
 */
export function showFieldErrors(
  form: FormInstance,
  errors: Record<string, string>,
  rename: Record<string, string> = {},
) {
  form.setFields(
    Object.entries(errors).map(([field, message]) => ({ name: rename[field] ?? field, errors: [message] })),
  );
}

/** A server refusal: on its field when the server names one the form has, otherwise as a sentence. */
export function serverError(
  err: unknown,
  t: TFunction,
  form: FormInstance,
  known: readonly string[],
  rename: Record<string, string> = {},
): string | null {
  const text = errorText(err, t, { withMessage: true });
  const field = err instanceof ApiError ? err.field : undefined;
  if (field && known.includes(field)) {
    showFieldErrors(form, { [field]: text }, rename);
    return null;
  }
  return text;
}
