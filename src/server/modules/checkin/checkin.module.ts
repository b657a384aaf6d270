import type { App } from '../../context.js';
import { closeOverdueAttendance } from './auto-close.js';
import { checkinRoutes } from './checkin.routes.js';

/** How often the server looks for check-ins whose check-out never came. */
export const AUTO_CLOSE_INTERVAL_MS = 5 * 60_000;

/**
 * Check-in routes and the job that closes overdue check-ins. The job runs on a timer that
 * starts when the app is ready and stops when it closes (so tests that close their app
 * leave nothing behind); it is idempotent, so several app processes may all run it.
 */
export function checkinModule(app: App, intervalMs = AUTO_CLOSE_INTERVAL_MS): void {
  checkinRoutes(app);
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const n = await closeOverdueAttendance(app.ctx.database.db);
      if (n > 0) app.log.info({ closed: n }, 'closed overdue check-ins');
    } catch (err) {
      app.log.error({ err: { message: (err as Error).message } }, 'closing overdue check-ins failed');
    } finally {
      running = false;
    }
  };
  app.addHook('onReady', async () => {
    timer = setInterval(() => void tick(), intervalMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}
