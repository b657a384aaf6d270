import type { TFunction } from 'i18next';
import type { z } from 'zod';

/** A zod issue from a shared contract schema, said in the UI language. */
export function issueMessage(issue: z.core.$ZodIssue, field: string, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      return issue.minimum === 1 ? t('validation.required') : t('validation.minLength', { min: issue.minimum });
    case 'too_big':
      return t('validation.maxLength', { max: issue.maximum });
    case 'invalid_format':
    case 'custom':
      return t(`validation.format.${field}`, { defaultValue: t('validation.invalid') });
    case 'invalid_value':
      return t('validation.required');
    case 'invalid_type':
      return issue.expected === 'number' ? t('validation.number') : t('validation.required');
    default:
      return t('validation.invalid');
  }
}

/**
 * Runs a contract schema and answers the first message per top-level field. Objects named in
 * `nested` (e.g. `location`, edited as separate address, latitude and longitude fields) answer
 * per inner field instead, so each message lands under the field that is wrong.
 */
export function fieldErrors<T extends z.ZodType>(
  schema: T,
  input: unknown,
  t: TFunction,
  nested: readonly string[] = [],
): { data: z.infer<T> | null; errors: Record<string, string> } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { data: parsed.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const top = String(issue.path[0] ?? 'form');
    const field = nested.includes(top) && issue.path.length > 1 ? String(issue.path[1]) : top;
    // Nothing given is "required", whatever type the field wants (not "enter a number").
    const given = issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k], input);
    errors[field] ??= given === undefined || given === '' ? t('validation.required') : issueMessage(issue, field, t);
  }
  return { data: null, errors };
}
