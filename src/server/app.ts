import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { App, AppContext } from './context.js';
import { cipherFor } from './crypto.js';
import type { Database } from './db/database.js';
import { activityRoutes } from './modules/activities/activities.routes.js';
import { listenToActivities } from './modules/activities/index.js';
import { insuranceOnActivities } from './modules/insurance/index.js';
import { signupsOnActivities } from './modules/signups/index.js';
import { insuranceRoutes } from './modules/insurance/insurance.routes.js';
import { projectRoutes } from './modules/projects/projects.routes.js';
import { HONOUR_IMAGE, honourImageOwner, honourImageSweeper, honourRoutes } from './modules/honours/index.js';
import { qualificationRoutes } from './modules/qualifications/qualifications.routes.js';
import { signupRoutes } from './modules/signups/signups.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { fileRoutes } from './modules/files/index.js';
import { needPhotoOwner, needPhotoSweeper, needRoutes, NEED_PHOTO } from './modules/needs/index.js';
import { registerFileOwner, registerFileSweeper, registerPublicFiles, storageFor } from './platform/files/index.js';
import { planPhotoOwner, planPhotoSweeper, planRoutes, PLAN_PHOTO } from './modules/plans/index.js';
import {
  STORY_PHOTO,
  storyPageRoute,
  storyPhotoOwner,
  storyPhotoPublic,
  storyPhotoSweeper,
  storyRoutes,
} from './modules/stories/index.js';
import {
  REPORT_PHOTO,
  REPORT_UPLOAD,
  reportPhotoOwner,
  reportRoutes,
  reportUploadOwner,
  reportUploadSweeper,
} from './modules/reports/index.js';
import { certificateRoutes } from './modules/certificates/index.js';
import { checkinRoutes } from './modules/checkin/checkin.routes.js';
import { fieldRoutes } from './modules/fields/fields.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { publicConfigRoutes } from './modules/public-config/public-config.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { smsFromEnv, type SmsProvider } from './platform/notify/transports.js';
import { verificationRoutes } from './modules/verification/verification.routes.js';
import { membershipRoutes } from './modules/organisations/memberships.routes.js';
import { organisationRoutes } from './modules/organisations/organisations.routes.js';
import { recordRoutes } from './modules/records/records.routes.js';
import { pointsRoutes } from './modules/points/points.routes.js';
import { regionPathRoutes } from './modules/regions/region-path.routes.js';
import { regionRoutes } from './modules/regions/regions.routes.js';
import { roleRoutes } from './modules/access/roles.routes.js';
import { siteRoutes } from './modules/sites/sites.routes.js';
import { statsRoutes } from './modules/stats/stats.routes.js';
import { importsRoutes } from './modules/imports/index.js';
import { exportsRoutes } from './modules/exports/index.js';
import { supermarketsModule } from './modules/supermarkets/supermarkets.module.js';
import { closureRoutes } from './modules/me/closure.routes.js';
import { volunteerExportRoutes } from './modules/me/export.routes.js';
import { guardianRoutes } from './modules/volunteers/guardians.routes.js';
import { pinRoutes } from './modules/volunteers/pin.routes.js';
import { volunteerRoutes } from './modules/volunteers/volunteers.routes.js';
import { workbenchRoutes } from './modules/workbench/workbench.routes.js';
import { registerAuth } from './plugins/auth.js';
import { frameworkErrors, registerErrorHandler } from './plugins/errors.js';
import { registerSecurityHeaders } from './plugins/headers.js';
import { registerInputGuard } from './plugins/input.js';
import { registerOpenApi } from './plugins/openapi.js';
import { limiterFor } from './plugins/rate-limiter.js';
import { DatabaseLimiter, SplitLimiter } from './plugins/rate-limiter-db.js';

export interface BuildOptions {
  /** Where log lines go (tests capture them); defaults to stdout. */
  logStream?: NodeJS.WritableStream;
  /** The SMS provider for one-time codes; defaults to the one SHANMEI_SMS_PROVIDER names. */
  sms?: SmsProvider;
}

/**
 * Request logs carry the method, path and status only: never bodies, headers or query
 * strings, so personal data cannot reach the log.
 */
function loggerOptions(config: Config, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: { method: string; url: string }) => ({
        method: req.method,
        // A calendar feed's token is its only credential: log the route, not the token.
        path: req.url.split('?')[0]?.replace(/^\/api\/v1\/calendar\/.+/, '/api/v1/calendar/:token.ics'),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

/**
 * One log line per request at info level (method, path, status, time), not Fastify's two:
 * at info level logging was a visible share of a check-in's cost. The arrival is logged at
 * debug level.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }
}

export async function buildApp(config: Config, database: Database, opts: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: loggerOptions(config, opts.logStream),
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    bodyLimit: 1024 * 1024,
    logController: new OneLinePerRequest(),
    // A request that reached the server before it began to close is answered in full, not
    // refused with 503: the database stays open until every one has been (main.ts).
    return503OnClosing: false,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();

  const ctx: AppContext = {
    config,
    database,
    cipher: cipherFor(config),
    limiter: new SplitLimiter(limiterFor(config.rateLimits), new DatabaseLimiter(database, config.rateLimits)),
    sms: opts.sms ?? smsFromEnv(),
    files: storageFor(config.files),
  };
  app.decorate('ctx', ctx);
  // Sign-ups and insurance follow an activity's changes; the activities module knows neither.
  listenToActivities(signupsOnActivities);
  listenToActivities(insuranceOnActivities);
  // A need's photos are seen by those who see the need; the files module knows nothing of needs.
  registerFileOwner(NEED_PHOTO, needPhotoOwner);
  registerFileSweeper(NEED_PHOTO, needPhotoSweeper);
  // An honour's certificate image is seen by whoever may list the honour.
  registerFileOwner(HONOUR_IMAGE, honourImageOwner);
  registerFileSweeper(HONOUR_IMAGE, honourImageSweeper);
  // A plan's photos are seen by those who see the part of the plan they are on.
  registerFileOwner(PLAN_PHOTO, planPhotoOwner);
  registerFileSweeper(PLAN_PHOTO, planPhotoSweeper);
  // A story's photos are public once the approved story uses them; before, its writers and reviewers'.
  registerFileOwner(STORY_PHOTO, storyPhotoOwner);
  registerPublicFiles(STORY_PHOTO, storyPhotoPublic);
  registerFileSweeper(STORY_PHOTO, storyPhotoSweeper);
  // A report's photos are seen by those who see the report; before it is sent, by their uploader.
  registerFileOwner(REPORT_UPLOAD, reportUploadOwner);
  registerFileSweeper(REPORT_UPLOAD, reportUploadSweeper);
  registerFileOwner(REPORT_PHOTO, reportPhotoOwner);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app, !!config.webRoot);
  registerInputGuard(app);
  // JSON only: any other body type is a 415, not a string handed to a schema.
  app.removeContentTypeParser('text/plain');

  await app.register(fastifyCookie);
  registerSecurityHeaders(app, config);
  await registerOpenApi(app);

  registerAuth(app);
  healthRoutes(app);
  publicConfigRoutes(app);
  authRoutes(app);
  regionRoutes(app);
  regionPathRoutes(app);
  fieldRoutes(app);
  organisationRoutes(app);
  membershipRoutes(app);
  auditRoutes(app);
  verificationRoutes(app);
  closureRoutes(app);
  roleRoutes(app);
  siteRoutes(app);
  volunteerRoutes(app);
  guardianRoutes(app);
  pinRoutes(app);
  volunteerExportRoutes(app);
  projectRoutes(app);
  honourRoutes(app);
  activityRoutes(app);
  signupRoutes(app);
  qualificationRoutes(app);
  insuranceRoutes(app);
  notificationRoutes(app);
  calendarRoutes(app);
  checkinRoutes(app);
  recordRoutes(app);
  pointsRoutes(app);
  supermarketsModule(app);
  statsRoutes(app);
  importsRoutes(app);
  exportsRoutes(app);
  workbenchRoutes(app);
  needRoutes(app);
  fileRoutes(app);
  planRoutes(app);
  storyRoutes(app);
  reportRoutes(app);
  certificateRoutes(app);

  if (config.webRoot) {
    // A story's shared link carries its Open Graph tags; every other page is index.html as it is.
    storyPageRoute(app, config.webRoot);
    // Vite names every asset by its content hash: those never change, so browsers keep them a
    // year; index.html (and anything unhashed) is asked again each time. The build writes .br
    // and .gz beside each file, and the one the browser accepts is sent.
    await app.register(fastifyStatic, {
      root: config.webRoot,
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        const hashed = /[\\/]assets[\\/][^\\/]+-[\w-]{8}\.\w+(\.br|\.gz)?$/.test(path);
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}
