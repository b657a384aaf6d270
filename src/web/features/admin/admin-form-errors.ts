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
  // What was wrong before and is right now says nothing any more.
  const stale = form.getFieldsError().filter((f) => f.errors.length > 0);
  form.setFields(stale.map((f) => ({ name: f.name, errors: [] })));
  form.setFields(
    Object.entries(errors).map(([field, message]) => ({ name: rename[field] ?? field, errors: [message] })),
  );
}

const isPlain = (v: unknown): v is Record<string, unknown> | unknown[] =>
  Array.isArray(v) || (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype);

/** Every field path a change touched: `{shifts: [{start}]}` → `shifts`, `shifts.0`, `shifts.0.start`. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (!isPlain(value)) return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => (v === undefined ? [] : pathsOf(v, [...prefix, k])))];
}

/**
 * A form's `onValuesChange`: a field being edited loses the error shown on it, so "required"
 * does not stay under a field once it is filled in (the next submit checks everything again).
 */
export const clearEditedErrors =
  (form: FormInstance, then?: () => void) =>
  (changed: unknown): void => {
    const touched = pathsOf(changed).filter((p) => p.length > 0);
    form.setFields(touched.map((name) => ({ name, errors: [] })));
    then?.();
  };

/** A server refusal: on its field when the server names one the form has, otherwise as a sentence. */
export function serverError(
  err: unknown,
  t: TFunction,
  form: FormInstance,
  known: readonly string[],
  rename: Record<string, string> = {},
): string | null {
  const text = errorText(err, t);
  const field = err instanceof ApiError ? err.field : undefined;
  if (field && known.includes(field)) {
    showFieldErrors(form, { [field]: text }, rename);
    return null;
  }
  return text;
}
