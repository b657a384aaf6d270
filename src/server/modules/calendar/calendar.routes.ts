import { z } from 'zod';
import { CalendarTokenParams, CalendarUrlAnswer } from '../../../common/contract/calendar.js';
import { errorResponses, PUBLIC } from '../../../common/contract/common.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import * as service from './calendar.service.js';

export function calendarRoutes(app: App): void {
  const tags = ['calendar'];
  const ctx = app.ctx;
  /**
   * Where the feed is reached: the configured public URL; without one, the request's origin
   * (behind a trusted proxy, its forwarded values), for a machine on its own.
   */
  const originOf = (req: { protocol: string; host: string }): string =>
    ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;
  const db = () => ctx.database.db;

  app.get(
    '/api/v1/me/calendar',
    {
      schema: {
        tags,
        summary: 'My secret iCalendar subscription URL (the same each time until reset)',
        response: { 200: CalendarUrlAnswer, ...errorResponses },
      },
    },
    async (req) => service.calendarUrl(ctx, db(), requireActor(req), originOf(req)),
  );

  app.post(
    '/api/v1/me/calendar/reset',
    {
      schema: {
        tags,
        summary: 'Make a new subscription URL; the old one stops working',
        response: { 200: CalendarUrlAnswer, ...errorResponses },
      },
    },
    async (req) => service.resetCalendar(ctx, db(), requireActor(req), originOf(req)),
  );

  app.get(
    '/api/v1/calendar/:token.ics',
    {
      schema: {
        security: PUBLIC,
        tags,
        summary: "A volunteer's shifts as iCalendar (text/calendar); the token is the credential",
        params: CalendarTokenParams,
        response: { 200: z.string().describe('text/calendar'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const text = await service.feedForToken(db(), req.params.token);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('referrer-policy', 'no-referrer')
        .send(text);
    },
  );
}
