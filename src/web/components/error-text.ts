import type { TFunction } from 'i18next';
import { ApiError } from '../api/http-client.js';

/** How a feature words a refusal before the app's general sentence for its code. */
export interface ErrorTextOptions {
  /**
   * Keys of a more specific sentence, most specific first (e.g. `sms.errors.<CODE>`); the
   * first one that has a text wins, then `errors.<CODE>`, then `errors.UNKNOWN`.
   */
  keys?: (err: ApiError) => readonly (string | false | undefined)[];
  /** Interpolation values for the specific sentences (e.g. the phone a refusal names). */
  values?: Record<string, unknown>;
  /** Keep the server's own words after the general sentence: `… (message)`. */
  withMessage?: boolean;
}

/**
 * A thrown error as the sentence the user reads, in the UI language: a feature's own wording
 * where it has one, otherwise the general one for the error code; anything that is not an
 * API answer (a bug, an aborted request) is "unknown".
 */
export function errorText(err: unknown, t: TFunction, options: ErrorTextOptions = {}): string {
  const unknown = t('errors.UNKNOWN');
  if (!(err instanceof ApiError)) return unknown;
  const general = t(`errors.${err.code}`, { defaultValue: unknown });
  let text = options.withMessage ? `${general} (${err.message})` : general;
  const keys = (options.keys?.(err) ?? []).filter((k): k is string => !!k);
  for (const key of keys.reverse()) text = t(key, { ...options.values, defaultValue: text });
  return text;
}
