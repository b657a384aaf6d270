import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifySchema } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { App } from '../context.js';
import { VERSION } from '../version.js';
import { SECURITY_SCHEMES, admitsAnonymous, signedInSecurity } from './auth.js';

/**
 * The operationId of a route, derived so that it changes only when the method or path does:
 * the method, then the path after /api/v1/ camel-cased word by word, each parameter as
 * By<Name>. GET /api/v1/activities → getActivities, GET /api/v1/activities/:id →
 * getActivitiesById, POST /api/v1/shifts/:id/signups → postShiftsByIdSignups,
 * GET /api/v1/calendar/:token.ics → getCalendarByTokenIcs. A route may set its own.
 */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v\d+\//, '')
    .replace(/:(\w+)/g, '-by-$1-')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/**
 * The security the document shows for a route: the signed-in schemes when it declares none,
 * nobody's for PUBLIC, and "anyone, or signed in" for OPTIONAL_AUTH.
 */
export function documentedSecurity(method: string, declared: FastifySchema['security']): FastifySchema['security'] {
  if (declared === undefined) return signedInSecurity(method);
  if (declared.length > 0 && admitsAnonymous(declared)) return [{}, ...signedInSecurity(method)];
  return declared;
}

/** The API document at /api/v1/openapi.json, and its browsable form at /api/docs. */
export async function registerOpenApi(app: App): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Shanmei (善美) API',
        version: VERSION,
        description: 'City volunteer service platform',
        license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
      },
      servers: [{ url: '/', description: 'The server that serves this document' }],
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      if (out.schema.hide) return out;
      const method = String(input.route.method);
      const schema: FastifySchema = {
        ...out.schema,
        operationId: out.schema.operationId ?? operationIdOf(method, input.url),
        security: documentedSecurity(method, input.schema.security),
      };
      return { url: out.url, schema };
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
