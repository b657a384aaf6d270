import { z } from 'zod';
import { IdParams, errorResponses } from '../../../common/contract/common.js';
import { GrantRoleBody, RoleGrantList, RoleGrantSchema } from '../../../common/contract/roles.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import * as service from './roles.service.js';

export function roleRoutes(app: App): void {
  const tags = ['roles'];
  const db = () => app.ctx.database.db;

  app.post(
    '/api/v1/roles',
    {
      schema: {
        tags,
        summary: 'Grant a role at a scope',
        body: GrantRoleBody,
        response: { 201: RoleGrantSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.grantRole(db(), requireActor(req), req.body)),
  );

  app.delete(
    '/api/v1/roles/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a role grant',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await service.revokeRole(db(), requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/users/:id/roles',
    {
      schema: {
        tags,
        summary:
          "A user's role grants: the user, system admins, region admins over the person's region, department admins of the person's department (its grants only)",
        params: IdParams,
        response: { 200: RoleGrantList, ...errorResponses },
      },
    },
    async (req) => ({ items: await service.grantsOfUser(db(), requireActor(req), req.params.id) }),
  );
}
