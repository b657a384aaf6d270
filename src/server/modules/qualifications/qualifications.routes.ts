import { IdParams, PUBLIC, baseErrorResponses, errorResponses } from '../../../common/contract/common.js';
import {
  AddQualificationBody,
  QualificationKindList,
  QualificationList,
  QualificationSchema,
} from '../../../common/contract/signups.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import * as service from './qualifications.service.js';

export function qualificationRoutes(app: App): void {
  const tags = ['qualifications'];
  const db = () => app.ctx.database.db;

  app.get(
    '/api/v1/qualification-kinds',
    {
      schema: {
        security: PUBLIC,
        tags,
        summary: 'Qualification kinds (资质类型)',
        response: { 200: QualificationKindList, ...baseErrorResponses },
      },
    },
    async () => service.listKinds(db()),
  );

  app.post(
    '/api/v1/volunteers/:id/qualifications',
    {
      schema: {
        tags,
        summary: 'Record a verified qualification (admins who see the volunteer)',
        params: IdParams,
        body: AddQualificationBody,
        response: { 201: QualificationSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.addQualification(db(), requireActor(req), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/volunteers/:id/qualifications',
    {
      schema: {
        tags,
        summary: "A volunteer's qualifications (self or admin)",
        params: IdParams,
        response: { 200: QualificationList, ...errorResponses },
      },
    },
    async (req) => service.listQualifications(db(), requireActor(req), req.params.id),
  );
}
