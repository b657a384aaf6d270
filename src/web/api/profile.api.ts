import type { z } from 'zod';
import type { ServiceFieldList } from '../../common/contract/fields.js';
import type { EmailAnswer, NotificationPrefsSchema } from '../../common/contract/notifications.js';
import type { RegionList } from '../../common/contract/regions.js';
import type { QualificationKindList, QualificationList } from '../../common/contract/signups.js';
import type { UpdateVolunteerBody, Volunteer } from '../../common/contract/volunteers.js';
import { api, ApiError, request } from './http-client.js';

/** The volunteer's own pages: profile changes, channels, qualifications and the data export. */

export type ProfileChange = z.input<typeof UpdateVolunteerBody>;
export type NotificationPrefs = z.infer<typeof NotificationPrefsSchema>;
export type Qualification = z.infer<typeof QualificationList>['items'][number];
export type QualificationKind = z.infer<typeof QualificationKindList>['items'][number];
export type ServiceField = z.infer<typeof ServiceFieldList>['items'][number];

const id = encodeURIComponent;

export const updateProfile = (volunteerId: string, body: ProfileChange) =>
  api.patch<Volunteer>(`/volunteers/${id(volunteerId)}`, body);
export const listFields = () => api.get<z.infer<typeof ServiceFieldList>>('/fields');
export const regionPath = (code: string) => api.get<z.infer<typeof RegionList>>(`/regions/${id(code)}/path`);
export const myQualifications = (volunteerId: string) =>
  api.get<z.infer<typeof QualificationList>>(`/volunteers/${id(volunteerId)}/qualifications`);
export const qualificationKinds = () => api.get<z.infer<typeof QualificationKindList>>('/qualification-kinds');
export const notificationPrefs = () => api.get<NotificationPrefs>('/me/notification-prefs');
export const putNotificationPrefs = (body: { email?: boolean; sms?: boolean }) =>
  request<NotificationPrefs>('PUT', '/me/notification-prefs', { body });
export const putEmail = (email: string | null) =>
  request<z.infer<typeof EmailAnswer>>('PUT', '/me/email', { body: { email } });

/**
 * Fetches GET /me/export and hands it to the browser as a file download. Fetched rather
 * than linked, so a refusal (e.g. 429, a wrong password) is shown on the page instead of saved
 * as the file, and so the current password travels in a header, never in the address.
 */
export async function downloadMyData(password: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch('/api/v1/me/export', {
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'x-confirm-password': password },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Network error');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as {
      error?: { code: string; message: string; details?: unknown };
    } | null;
    throw new ApiError(
      res.status,
      body?.error?.code ?? `HTTP_${res.status}`,
      body?.error?.message ?? res.statusText,
      body?.error?.details,
    );
  }
  const filename = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'my-data.json';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Let the download start before the object URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return filename;
}

/** React Query keys of the volunteer's own settings and the service fields. */
export const profileKeys = {
  fields: ['fields'] as const,
  notificationPrefs: ['notification-prefs'] as const,
};
