import type { App } from '../../context.js';

export function volunteerRoutes(app: App): void {
  void app;
}
