import type { App } from '../../context.js';

export function roleRoutes(app: App): void {
  void app;
}
