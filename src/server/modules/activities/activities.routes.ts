import { z } from 'zod';
import {
  ActivityList,
  ActivityListQuery,
  ActivitySchema,
  CancelActivityBody,
  CreateActivityBody,
  OrgActivitiesQuery,
  PatchActivityBody,
  PatchShiftBody,
  PeopleServedBody,
  ShiftSchema,
} from '../../../common/contract/activities.js';
import { IdParams, errorResponses, OPTIONAL_AUTH, PUBLIC } from '../../../common/contract/common.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import { organisationActivities, searchActivities } from './activities.search.js';
import * as service from './activities.service.js';
import { patchActivity } from './activity-edit.service.js';
import * as shifts from './shifts.service.js';

const Empty = z.strictObject({});

export function activityRoutes(app: App): void {
  const tags = ['activities'];
  const db = () => app.ctx.database.db;
  const one = { 200: ActivitySchema, ...errorResponses };

  app.post(
    '/api/v1/activities',
    {
      schema: {
        tags,
        summary: 'Create a draft activity with its shifts (organisers)',
        body: CreateActivityBody,
        response: { 201: ActivitySchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createActivity(db(), requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/activities',
    {
      schema: {
        security: PUBLIC,
        tags,
        summary: 'Search published activities by distance, field and time',
        querystring: ActivityListQuery,
        response: { 200: ActivityList, ...errorResponses },
      },
    },
    async (req) => searchActivities(db(), req.query),
  );

  app.get(
    '/api/v1/activities/:id',
    {
      schema: {
        security: OPTIONAL_AUTH,
        tags,
        summary: 'One activity with its shifts',
        params: IdParams,
        response: one,
      },
    },
    async (req) => service.getActivity(db(), req.actor, req.params.id),
  );

  app.patch(
    '/api/v1/activities/:id',
    {
      schema: {
        tags,
        summary: 'Change an activity: anything in a draft; title, description, radius and risky once published',
        params: IdParams,
        body: PatchActivityBody,
        response: one,
      },
    },
    async (req) => patchActivity(db(), requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/activities/:id/publish',
    { schema: { tags, summary: 'Publish a draft', params: IdParams, body: Empty.nullish(), response: one } },
    async (req) => service.publishActivity(db(), requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/activities/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an activity and every live sign-up, telling each volunteer',
        params: IdParams,
        body: CancelActivityBody,
        response: one,
      },
    },
    async (req) => service.cancelActivity(db(), requireActor(req), req.params.id, req.body.reason),
  );

  app.patch(
    '/api/v1/shifts/:id',
    {
      schema: {
        tags,
        summary: "Change a shift's times, capacity or deadline",
        params: IdParams,
        body: PatchShiftBody,
        response: { 200: ShiftSchema, ...errorResponses },
      },
    },
    async (req) => shifts.patchShift(db(), requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/shifts/:id/people-served',
    {
      schema: {
        tags,
        summary: 'Record people served (服务人次) in a session',
        params: IdParams,
        body: PeopleServedBody,
        response: { 200: ShiftSchema, ...errorResponses },
      },
    },
    async (req) => shifts.recordPeopleServed(db(), requireActor(req), req.params.id, req.body.count),
  );

  app.get(
    '/api/v1/organisations/:id/activities',
    {
      schema: {
        tags,
        summary: "An organisation's activities, drafts included (its admins)",
        params: IdParams,
        querystring: OrgActivitiesQuery,
        response: { 200: ActivityList, ...errorResponses },
      },
    },
    async (req) => organisationActivities(db(), requireActor(req), req.params.id, req.query),
  );
}
