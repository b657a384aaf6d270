import { IdParams, errorResponses, PUBLIC } from '../../../common/contract/common.js';
import {
  CreateOrganisationBody,
  OrganisationList,
  OrganisationListQuery,
  OrganisationSchema,
} from '../../../common/contract/organisations.js';
import type { App } from '../../context.js';
import { decodeCursor, pageOf } from '../../pagination.js';
import { requireActor } from '../../plugins/auth.js';
import { presentOrganisationSummary } from './organisations.presenter.js';
import * as repo from './organisations.repository.js';
import * as service from './organisations.service.js';

export function organisationRoutes(app: App): void {
  const tags = ['organisations'];
  const db = () => app.ctx.database.db;

  app.post(
    '/api/v1/organisations',
    {
      schema: {
        tags,
        summary: 'Create a department, organisation or team',
        body: CreateOrganisationBody,
        response: { 201: OrganisationSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const org = await service.createOrganisation(db(), requireActor(req), req.body);
      return reply.status(201).send(org);
    },
  );

  app.get(
    '/api/v1/organisations/:id',
    {
      schema: {
        security: PUBLIC,
        tags,
        summary: 'One organisation with its path from the root',
        params: IdParams,
        response: { 200: OrganisationSchema, ...errorResponses },
      },
    },
    async (req) => service.getOrganisation(db(), req.params.id),
  );

  app.get(
    '/api/v1/organisations',
    {
      schema: {
        security: PUBLIC,
        tags,
        summary: 'Organisations: children, subtrees, by region or kind',
        querystring: OrganisationListQuery,
        response: { 200: OrganisationList, ...errorResponses },
      },
    },
    async (req) => {
      const q = req.query;
      const after = decodeCursor(q.cursor, { id: 'string' });
      const rows = await repo.listOrganisations(db(), {
        parentId: q.parentId === 'root' ? null : q.parentId,
        under: q.under,
        regionCode: q.regionCode,
        kind: q.kind,
        q: q.q,
        afterId: after?.id,
        limit: q.limit,
      });
      const p = pageOf(rows, q.limit, (r) => ({ id: r.id }));
      return { items: p.items.map(presentOrganisationSummary), nextCursor: p.nextCursor };
    },
  );
}
