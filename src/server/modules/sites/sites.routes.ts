import type { App } from '../../context.js';

export function siteRoutes(app: App): void {
  void app;
}
