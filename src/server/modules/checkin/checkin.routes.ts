import { z } from 'zod';
import { IdParams, errorResponses } from '../../../common/contract/common.js';
import {
  AttendanceEntryBody,
  AttendanceSchema,
  CheckinCodeSchema,
  MemberCodeSchema,
  ScanBody,
} from '../../../common/contract/checkin.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import * as attendance from './attendance.service.js';
import { presentAttendance } from './checkin.presenter.js';
import * as service from './checkin.service.js';

export function checkinRoutes(app: App): void {
  const tags = ['check-in'];
  const ctx = app.ctx;

  app.get(
    '/api/v1/shifts/:id/checkin-code',
    {
      schema: {
        tags,
        summary: "The shift's rotating check-in code (QR payload and 6 digits), for its organisers",
        params: IdParams,
        response: { 200: CheckinCodeSchema, ...errorResponses },
      },
    },
    async (req) => attendance.checkinCodeFor(ctx, requireActor(req), req.params.id),
  );

  app.get(
    '/api/v1/me/member-code',
    {
      schema: {
        tags,
        summary: 'My rotating member code, for organisers and supermarket counters to scan',
        response: { 200: MemberCodeSchema, ...errorResponses },
      },
    },
    async (req) => attendance.memberCodeFor(ctx, requireActor(req)),
  );

  app.post(
    '/api/v1/checkins',
    {
      schema: {
        tags,
        summary:
          'Check in with the scanned token (or shiftId + 6-digit code) and the position: 201 new, 200 the same attendance again',
        body: ScanBody,
        response: { 200: AttendanceSchema, 201: AttendanceSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const r = await service.checkIn(ctx, requireActor(req), req.body);
      return reply.status(r.created ? 201 : 200).send(presentAttendance(r.row, r.recordId));
    },
  );

  app.post(
    '/api/v1/checkouts',
    {
      schema: {
        tags,
        summary: 'Check out: the attendance with checkedOutAt and the pending service record id',
        body: ScanBody,
        response: { 200: AttendanceSchema, ...errorResponses },
      },
    },
    async (req) => {
      const r = await service.checkOut(ctx, requireActor(req), req.body);
      return presentAttendance(r.row, r.recordId);
    },
  );

  app.get(
    '/api/v1/shifts/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Live attendance of a shift, in check-in order, for its organisers',
        params: IdParams,
        response: { 200: z.object({ items: z.array(AttendanceSchema) }), ...errorResponses },
      },
    },
    async (req) => {
      const rows = await attendance.attendanceList(ctx.database.db, requireActor(req), req.params.id);
      return { items: rows.map((r) => presentAttendance(r, r.record_id)) };
    },
  );

  app.post(
    '/api/v1/shifts/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Organiser: check a volunteer in or out by member code, or by hand with a reason',
        params: IdParams,
        body: AttendanceEntryBody,
        response: { 200: AttendanceSchema, 201: AttendanceSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const r = await attendance.organiserEntry(ctx, requireActor(req), req.params.id, req.body);
      return reply.status(r.created ? 201 : 200).send(presentAttendance(r.row, r.recordId));
    },
  );
}
