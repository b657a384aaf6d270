import { z } from 'zod';
import { errorResponses, IdParams, PageQuery } from '../../../common/contract/common.js';
import {
  AddMemberBody,
  ApplyBody,
  MemberList,
  MembershipSchema,
  MyMembershipList,
} from '../../../common/contract/organisations.js';
import type { App } from '../../context.js';
import { decodeCursor, pageOf } from '../../pagination.js';
import { requireActor } from '../../plugins/auth.js';
import * as service from './memberships.service.js';

/** Memberships by consent: invitations, applications, answers, endings and the lists of each side. */
export function membershipRoutes(app: App): void {
  const tags = ['organisations'];
  const db = () => app.ctx.database.db;

  app.post(
    '/api/v1/organisations/:id/members',
    {
      schema: {
        tags,
        summary: 'Invite a volunteer (by volunteerId or volunteerCode): a membership once they accept',
        description:
          'Answers the membership with status "invited" (or "active" when the volunteer had applied). ' +
          'Until the volunteer accepts, the organisation sees nothing of them.',
        params: IdParams,
        body: AddMemberBody,
        response: { 201: MembershipSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { role, ...who } = req.body;
      return reply.status(201).send(await service.inviteMember(db(), requireActor(req), req.params.id, who, role));
    },
  );

  app.post(
    '/api/v1/organisations/:id/applications',
    {
      schema: {
        tags,
        summary: 'Apply to join an organisation (volunteers): its admins accept or decline',
        params: IdParams,
        body: ApplyBody,
        response: { 201: MembershipSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.applyToOrganisation(db(), requireActor(req), req.params.id)),
  );

  app.get(
    '/api/v1/organisations/:id/members',
    {
      schema: {
        tags,
        summary: 'Memberships of an organisation in every status (its admins)',
        params: IdParams,
        querystring: z.strictObject(PageQuery),
        response: { 200: MemberList, ...errorResponses },
      },
    },
    async (req) => {
      const after = decodeCursor(req.query.cursor, { id: 'string' });
      const rows = await service.listMembers(db(), requireActor(req), req.params.id, after?.id, req.query.limit);
      return pageOf(rows, req.query.limit, (r) => ({ id: r.id }));
    },
  );

  app.get(
    '/api/v1/me/memberships',
    {
      schema: {
        tags,
        summary: 'My memberships, invitations and applications (volunteers)',
        response: { 200: MyMembershipList, ...errorResponses },
      },
    },
    async (req) => ({ items: await service.myMemberships(db(), requireActor(req)) }),
  );

  const answer = (
    path: string,
    summary: string,
    act: (actor: ReturnType<typeof requireActor>, id: string) => Promise<unknown>,
  ) =>
    app.post(
      path,
      {
        schema: {
          tags,
          summary,
          params: IdParams,
          body: ApplyBody,
          response: { 200: MembershipSchema, ...errorResponses },
        },
      },
      async (req) => act(requireActor(req), req.params.id) as never,
    );
  answer(
    '/api/v1/memberships/:id/accept',
    'Accept an invitation (the volunteer) or an application (its admins)',
    (a, id) => service.decideMembership(db(), a, id, true),
  );
  answer(
    '/api/v1/memberships/:id/decline',
    'Decline an invitation (the volunteer) or an application (its admins)',
    (a, id) => service.decideMembership(db(), a, id, false),
  );
  answer(
    '/api/v1/memberships/:id/end',
    'End a membership, or withdraw an invitation or application (either side)',
    (a, id) => service.endMembership(db(), a, id),
  );
}
