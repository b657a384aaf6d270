import type { TFunction } from 'i18next';
import { DEFAULT_TIME_ZONE } from '../../common/zoned-time.js';
import { ApiError } from '../api/http-client.js';

/** How a feature words a refusal before the app's general sentence for its code. */
export interface ErrorTextOptions {
  /**
   * Keys of a more specific sentence, most specific first (e.g. `sms.errors.<CODE>`); the
   * first one that has a text wins, then the server's reason (`errors.reasons.<reason>`), then
   * `errors.<CODE>`, then `errors.UNKNOWN`.
   */
  keys?: (err: ApiError) => readonly (string | false | undefined)[];
  /** Interpolation values for the specific sentences (e.g. the phone a refusal names). */
  values?: Record<string, unknown>;
  /** The zone times in a refusal are shown in (the platform's; see useFormat). */
  timeZone?: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** The values a refusal carries, with instants as local date and time in the page's language. */
function detailValues(details: unknown, locale: string, timeZone: string): Record<string, unknown> {
  if (!details || typeof details !== 'object') return {};
  const entries = Object.entries(details);
  if (!entries.some(([, v]) => typeof v === 'string' && ISO_INSTANT.test(v))) return Object.fromEntries(entries);
  const options: Intl.DateTimeFormatOptions = {
    timeZone,
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  };
  let when: Intl.DateTimeFormat;
  try {
    when = new Intl.DateTimeFormat(locale, options);
  } catch {
    when = new Intl.DateTimeFormat('zh-CN', options); // not a language tag: the default language
  }
  return Object.fromEntries(
    entries.map(([k, v]) => [k, typeof v === 'string' && ISO_INSTANT.test(v) ? when.format(new Date(v)) : v]),
  );
}

/** A wait the server asks for (`Retry-After`, in seconds) in words: seconds under a minute, else minutes. */
function waitWords(seconds: number, t: TFunction): string {
  return seconds < 60
    ? t('errors.waitSeconds', { count: Math.ceil(seconds) })
    : t('errors.waitMinutes', { count: Math.ceil(seconds / 60) });
}

/**
 * A thrown error as the sentence the user reads, in the UI language — never the server's
 * English words: a feature's own wording where it has one, then the server's reason for the
 * refusal (`details.reason`, filled with the details it sends), then the general sentence for
 * the error code; anything that is not an API answer (a bug, an aborted request) is "unknown".
 */
export function errorText(err: unknown, t: TFunction, options: ErrorTextOptions = {}): string {
  const unknown = t('errors.UNKNOWN');
  if (!(err instanceof ApiError)) return unknown;
  let text = t(`errors.${err.code}`, { defaultValue: unknown });
  const reason = (err.details as { reason?: unknown } | undefined)?.reason;
  const fromServer = detailValues(
    err.details,
    t('errors.dateLocale', { defaultValue: 'zh-CN' }),
    options.timeZone ?? DEFAULT_TIME_ZONE,
  );
  if (typeof reason === 'string') text = t(`errors.reasons.${reason}`, { ...fromServer, defaultValue: text });
  const retryAfter = (err.details as { retryAfter?: unknown } | undefined)?.retryAfter;
  if (err.code === 'RATE_LIMITED' && typeof retryAfter === 'number' && retryAfter > 0) {
    text = t('errors.RATE_LIMITED_WAIT', { wait: waitWords(retryAfter, t), defaultValue: text });
  }
  const keys = (options.keys?.(err) ?? []).filter((k): k is string => !!k);
  for (const key of keys.reverse()) text = t(key, { ...fromServer, ...options.values, defaultValue: text });
  return text;
}
