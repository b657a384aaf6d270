import { PUBLIC, baseErrorResponses } from '../../../common/contract/common.js';
import { PublicConfigSchema, type PublicConfig } from '../../../common/contract/public-config.js';
import { LOCALES } from '../../../common/enums.js';
import type { App } from '../../context.js';
import { getSettings } from '../../platform/settings/settings.service.js';

/** `GET /api/v1/config`: the installation's public settings (map tiles, time zone, languages), for anyone. */
export function publicConfigRoutes(app: App): void {
  app.get(
    '/api/v1/config',
    {
      schema: {
        security: PUBLIC,
        tags: ['system'],
        summary: 'Public configuration: map tile server, time zone, languages',
        response: { 200: PublicConfigSchema, ...baseErrorResponses },
      },
    },
    async (): Promise<PublicConfig> => {
      const { config, database } = app.ctx;
      const settings = await getSettings(database.db);
      return {
        map: { tileUrl: config.mapTiles, attribution: config.mapAttribution },
        timeZone: settings.timeZone,
        locales: [...LOCALES],
        guardian: { age: settings.guardianAge, registrationAge: settings.guardianRegistrationAge },
      };
    },
  );
}
