import { IdParams, errorResponses, PUBLIC } from '../../../common/contract/common.js';
import {
  AddHonourBody,
  CreateProjectBody,
  ProjectList,
  ProjectListQuery,
  ProjectSchema,
} from '../../../common/contract/projects.js';
import type { App } from '../../context.js';
import { requireActor } from '../../plugins/auth.js';
import * as service from './projects.service.js';

export function projectRoutes(app: App): void {
  const tags = ['projects'];
  const db = () => app.ctx.database.db;

  app.post(
    '/api/v1/projects',
    {
      schema: {
        tags,
        summary: 'Create a brand project or sub-project (department, region or system admins)',
        body: CreateProjectBody,
        response: { 201: ProjectSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createProject(db(), requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/projects',
    {
      schema: {
        security: PUBLIC,
        tags,
        summary: 'Brand projects (public)',
        querystring: ProjectListQuery,
        response: { 200: ProjectList, ...errorResponses },
      },
    },
    async (req) => service.listProjects(db(), req.query),
  );

  app.get(
    '/api/v1/projects/:id',
    {
      schema: {
        security: PUBLIC,
        tags,
        summary: 'One brand project with its sub-projects and honours (public)',
        params: IdParams,
        response: { 200: ProjectSchema, ...errorResponses },
      },
    },
    async (req) => service.getProject(db(), req.params.id),
  );

  app.post(
    '/api/v1/projects/:id/honours',
    {
      schema: {
        tags,
        summary: 'Add an honour the project won',
        params: IdParams,
        body: AddHonourBody,
        response: { 201: ProjectSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.addHonour(db(), requireActor(req), req.params.id, req.body)),
  );
}
