import { z } from 'zod';
import { IdParams, PageQuery, errorResponses } from '../../../common/contract/common.js';
import {
  DecisionBody,
  MySignupList,
  MySignupsQuery,
  ShiftSignupList,
  SignupBody,
  SignupSchema,
} from '../../../common/contract/signups.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { approveSignup, markNoShow, rejectSignup } from './signups.decisions.js';
import { listMySignups, listShiftSignups } from './signups.queries.js';
import { cancelSignup, signUp } from './signups.service.js';

export function signupRoutes(app: App): void {
  const tags = ['signups'];
  const db = () => app.ctx.database.db;
  const one = { 200: SignupSchema, ...errorResponses };

  app.post(
    '/api/v1/shifts/:id/signups',
    {
      schema: {
        tags,
        summary: 'Sign up for a shift (the caller, as a volunteer)',
        params: IdParams,
        body: SignupBody.nullish(),
        response: { 201: SignupSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await signUp(db(), app.ctx.cipher, requireActor(req), req.params.id)),
  );

  app.delete(
    '/api/v1/signups/:id',
    {
      schema: {
        tags,
        summary: 'Cancel a sign-up (its volunteer or an organiser); the first wait-listed is promoted',
        params: IdParams,
        response: { 204: z.null().describe('Cancelled'), ...errorResponses },
      },
    },
    async (req, reply) => {
      await cancelSignup(db(), requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/shifts/:id/signups',
    {
      schema: {
        tags,
        summary: "A shift's sign-ups in arrival order (organisers)",
        params: IdParams,
        querystring: z.strictObject(PageQuery),
        response: { 200: ShiftSignupList, ...errorResponses },
      },
    },
    async (req) => listShiftSignups(db(), requireActor(req), req.params.id, req.query.cursor, req.query.limit),
  );

  app.get(
    '/api/v1/me/signups',
    {
      schema: {
        tags,
        summary: 'My sign-ups, soonest shift first',
        querystring: MySignupsQuery,
        response: { 200: MySignupList, ...errorResponses },
      },
    },
    async (req) => listMySignups(db(), requireActor(req), req.query),
  );

  app.post(
    '/api/v1/signups/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve an applied sign-up',
        params: IdParams,
        body: DecisionBody.nullish(),
        response: one,
      },
    },
    async (req) => approveSignup(db(), requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/signups/:id/reject',
    { schema: { tags, summary: 'Reject a sign-up', params: IdParams, body: DecisionBody.nullish(), response: one } },
    async (req) => rejectSignup(db(), requireActor(req), req.params.id, req.body?.reason),
  );

  app.post(
    '/api/v1/signups/:id/no-show',
    {
      schema: {
        tags,
        summary: 'Mark an approved volunteer as a no-show (after the shift started)',
        params: IdParams,
        body: z.strictObject({}).nullish(),
        response: one,
      },
    },
    async (req) => markNoShow(db(), requireActor(req), req.params.id),
  );
}
