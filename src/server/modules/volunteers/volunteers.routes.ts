import { errorResponses, IdParams, PUBLIC } from '../../../common/contract/common.js';
import {
  RegisterResidentBody,
  RegisterVolunteerBody,
  ResidentAnswer,
  UpdateVolunteerBody,
  VolunteerList,
  VolunteerListQuery,
  VolunteerSchema,
  VolunteerSearchBody,
} from '../../../common/contract/volunteers.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import type { Actor } from '../../platform/access/policy.js';
import * as registration from './registration.service.js';
import * as service from './volunteers.service.js';
import { checkCode } from '../verification/index.js';

export function volunteerRoutes(app: App): void {
  const ctx = app.ctx;
  /** The list (GET with a query, or POST with the search kept out of the URL), as its reader may see it. */
  const listShown = async (
    actor: Actor,
    q: Parameters<typeof service.listVolunteers>[3],
    sentIn: 'querystring' | 'body' = 'querystring',
  ) => {
    const { rows, nextCursor, limited } = await service.listVolunteers(ctx, ctx.database.db, actor, q, sentIn);
    return { items: await service.asShown(ctx, ctx.database.db, rows, limited), nextCursor };
  };
  const tags = ['volunteers'];

  app.post(
    '/api/v1/volunteers',
    {
      schema: {
        security: PUBLIC,
        tags,
        summary: 'Register as a volunteer with real name; log in afterwards by phone or volunteer code',
        description:
          'Needs the code sent by SMS to the phone (POST /verification-codes, purpose register). Without a right ' +
          'code the answer is the same whatever the ID number or phone; with one, an ID already registered is ' +
          "named with its account's masked phone.",
        body: RegisterVolunteerBody,
        response: { 201: VolunteerSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      await registration.takeRegistrationSlot(ctx, req.ip);
      const db = ctx.database.db;
      const { verificationCode, ...input } = req.body;
      const codeId = await checkCode(ctx, db, input.phone, 'register', verificationCode);
      const v = await registration.registerVolunteer(ctx, db, input, { verificationCodeId: codeId });
      return reply.status(201).send(await service.showVolunteer(ctx, db, await service.loadVolunteer(db, v.id)));
    },
  );

  app.post(
    '/api/v1/residents',
    {
      schema: {
        security: PUBLIC,
        tags,
        summary: 'Register as a resident (群众) to post needs; log in afterwards by phone',
        body: RegisterResidentBody,
        response: { 201: ResidentAnswer, ...errorResponses },
      },
    },
    async (req, reply) => {
      await registration.takeRegistrationSlot(ctx, req.ip);
      const db = ctx.database.db;
      const { verificationCode, ...input } = req.body;
      const codeId = await checkCode(ctx, db, input.phone, 'register', verificationCode);
      return reply
        .status(201)
        .send(await registration.registerResident(ctx, db, input, { verificationCodeId: codeId }));
    },
  );

  app.get(
    '/api/v1/volunteers',
    {
      schema: {
        tags,
        summary:
          'Volunteers of a region and everything under it (region and system admins), or the active members of an organisation and those under it (its admins); `q`: name prefix or volunteer code',
        querystring: VolunteerListQuery,
        response: { 200: VolunteerList, ...errorResponses },
      },
    },
    async (req) => listShown(requireActor(req), req.query),
  );

  app.post(
    '/api/v1/volunteers/search',
    {
      schema: {
        tags,
        summary: 'The volunteer list searched by name prefix, volunteer code or whole phone (kept out of the URL)',
        body: VolunteerSearchBody,
        response: { 200: VolunteerList, ...errorResponses },
      },
    },
    async (req) => listShown(requireActor(req), req.body, 'body'),
  );

  app.get(
    '/api/v1/volunteers/:id',
    {
      schema: {
        tags,
        summary: 'A volunteer: oneself, or as an admin in scope (others get 404)',
        params: IdParams,
        response: { 200: VolunteerSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return service.getVolunteer(ctx, ctx.database.db, actor, req.params.id);
    },
  );

  app.patch(
    '/api/v1/volunteers/:id',
    {
      schema: {
        tags,
        summary: "Change one's own profile: phone, region, skills, fields, availability",
        params: IdParams,
        body: UpdateVolunteerBody,
        response: { 200: VolunteerSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const row = await service.updateVolunteer(ctx, ctx.database.db, actor, req.params.id, req.body);
      return service.showVolunteer(ctx, ctx.database.db, row);
    },
  );
}
