import type { App } from '../../context.js';

export function organisationRoutes(app: App): void {
  void app;
}
