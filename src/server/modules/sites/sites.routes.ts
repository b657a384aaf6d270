import { IdParams, errorResponses, OPTIONAL_AUTH, PUBLIC } from '../../../common/contract/common.js';
import {
  CreateSiteBody,
  SiteCalendar,
  SiteCalendarQuery,
  SiteList,
  SiteListQuery,
  SiteSchema,
  UpdateSiteBody,
} from '../../../common/contract/sites.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { siteCalendar } from './site-calendar.service.js';
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
        security: PUBLIC,
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
      schema: {
        security: PUBLIC,
        tags,
        summary: 'One site',
        params: IdParams,
        response: { 200: SiteSchema, ...errorResponses },
      },
    },
    async (req) => service.getSite(db(), req.params.id),
  );

  app.patch(
    '/api/v1/sites/:id',
    {
      schema: {
        tags,
        summary: "Change a site's address, position, opening hours, facilities or accessibility notes",
        params: IdParams,
        body: UpdateSiteBody,
        response: { 200: SiteSchema, ...errorResponses },
      },
    },
    async (req) => service.updateSite(db(), requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/sites/:id/activities',
    {
      schema: {
        security: OPTIONAL_AUTH,
        tags,
        summary: "The site's calendar: shifts held there in a window of at most 92 days",
        params: IdParams,
        querystring: SiteCalendarQuery,
        response: { 200: SiteCalendar, ...errorResponses },
      },
    },
    async (req) => siteCalendar(db(), req.actor, req.params.id, req.query),
  );
}
