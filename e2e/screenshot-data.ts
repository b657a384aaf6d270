/**
 * Activities, a sign-up, an attendance and a record in the demo, so the screenshots of the
 * activity, check-in and records pages show something. Everything goes through the API.
 */
import { ApiCaller } from './support/api-setup.js';
import type { TestServer } from './support/test-server.js';
import { e2eNow } from './support/clock.js';

const HOUR = 3600_000;
const PLACE = { address: '重庆市渝中区解放碑步行街', lat: 29.5576, lng: 106.5771 };

export interface ScreenshotData {
  activityId: string;
  shiftId: string;
}

export async function arrangeScreenshotData(
  server: TestServer,
  volunteer: { login: string; password: string },
  organiser: { login: string; password: string },
): Promise<ScreenshotData> {
  const lead = await ApiCaller.login(server.url, organiser.login, organiser.password);
  const me = await lead.get<{ roles: { role: string; scopeId: string }[] }>('/me');
  const organisationId = me.roles.find((g) => g.role === 'team_admin')?.scopeId ?? '';
  const now = e2eNow();
  const make = async (title: string, field: string, startIn: number, hours: number, capacity = 20) => {
    const a = await lead.post<{ id: string; shifts: { id: string }[] }>('/activities', {
      organisationId,
      title,
      field,
      description: `${title}：欢迎热心市民报名参加，现场提供饮用水和志愿者马甲。`,
      location: PLACE,
      radiusM: 300,
      shifts: [
        {
          start: new Date(now + startIn).toISOString(),
          end: new Date(now + startIn + hours * HOUR).toISOString(),
          capacity,
        },
        {
          start: new Date(now + startIn + 7 * 24 * HOUR).toISOString(),
          end: new Date(now + startIn + 7 * 24 * HOUR + hours * HOUR).toISOString(),
          capacity: 2,
        },
      ],
    });
    await lead.post(`/activities/${a.id}/publish`, {});
    return a;
  };
  const today = await make('长江岸线垃圾清理', 'ecology', -10 * 60_000, 3);
  await make('社区长者智能手机课堂', 'elderly', 2 * 24 * HOUR, 2);
  await make('解放碑文明交通劝导', 'community', 3 * 24 * HOUR, 4);
  const shiftId = today.shifts[0]?.id ?? '';

  const v = await ApiCaller.login(server.url, volunteer.login, volunteer.password);
  await v.post(`/shifts/${shiftId}/signups`, {});
  const code = await lead.get<{ code: string }>(`/shifts/${shiftId}/checkin-code`);
  await v.post('/checkins', { shiftId, code: code.code, lat: PLACE.lat, lng: PLACE.lng, accuracyM: 20 });
  await server.setClockOffset(2 * HOUR);
  const later = await lead.get<{ code: string }>(`/shifts/${shiftId}/checkin-code`);
  await v.post('/checkouts', { shiftId, code: later.code, lat: PLACE.lat, lng: PLACE.lng, accuracyM: 20 });
  await server.setClockOffset(0);
  return { activityId: today.id, shiftId };
}
