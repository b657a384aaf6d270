/**
 * Run before every test file (vitest `setupFiles`). Files share their worker process
 * (`isolate: false`), so what one file changes of the process must not reach the next: the
 * clock is given back to the system after each file, whether or not the file did it itself.
 */
import { afterAll, vi } from 'vitest';

afterAll(() => {
  vi.useRealTimers();
});
