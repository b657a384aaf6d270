import { errorResponses } from '../../../common/contract/common.js';
import { CreatePolicyBody, PolicyList, PolicyListQuery, PolicySchema } from '../../../common/contract/insurance.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import * as service from './insurance.service.js';

export function insuranceRoutes(app: App): void {
  const tags = ['insurance'];
  const db = () => app.ctx.database.db;

  app.post(
    '/api/v1/insurance-policies',
    {
      schema: {
        tags,
        summary: 'Record an insurance policy for an activity or an organisation (organisers)',
        body: CreatePolicyBody,
        response: { 201: PolicySchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createPolicy(db(), requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/insurance-policies',
    {
      schema: {
        tags,
        summary: 'Policies of an activity or an organisation (organisers)',
        querystring: PolicyListQuery,
        response: { 200: PolicyList, ...errorResponses },
      },
    },
    async (req) => service.listPolicies(db(), requireActor(req), req.query),
  );
}
