import { IdParams, errorResponses } from '../../../common/contract/common.js';
import { CreateSiteBody, SiteList, SiteListQuery, SiteSchema } from '../../../common/contract/sites.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import * as service from './sites.service.js';

export function siteRoutes(app: App): void {
  const tags = ['sites'];
  const db = () => app.ctx.database.db;

  app.post(
    '/api/v1/sites',
    {
      schema: {
        tags,
        summary: 'Create a site (阵地)',
        body: CreateSiteBody,
        response: { 201: SiteSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createSite(db(), requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/sites',
    {
      schema: {
        tags,
        summary: 'Search sites by type, region and distance',
        querystring: SiteListQuery,
        response: { 200: SiteList, ...errorResponses },
      },
    },
    async (req) => service.searchSites(db(), req.query),
  );

  app.get(
    '/api/v1/sites/:id',
    {
      schema: { tags, summary: 'One site', params: IdParams, response: { 200: SiteSchema, ...errorResponses } },
    },
    async (req) => service.getSite(db(), req.params.id),
  );
}
