/**
 * Vitest's global setup: a fresh folder for the run's log lines (test/log-scan.ts), and at the
 * end of the run the scan of every line, which fails the run when personal data or a secret
 * reached a log.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mask, scanLogDir } from './log-scan.js';

export function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'shanmei-test-logs-'));
  // The worker processes start after this and inherit the variable.
  process.env.SHANMEI_TEST_LOG_DIR = dir;
  return () => {
    try {
      const { lines, findings } = scanLogDir(dir, process.cwd());
      if (findings.length) {
        const listed = findings.slice(0, 50).map((f) => `  ${f.kind}: ${f.line}`);
        // A throw here is only printed ("error during close"): the exit code is what fails the run.
        process.exitCode = 1;
        console.error(
          `\nFAIL log scan: ${findings.length} of ${lines} log lines written during the tests hold personal data` +
            ` or a secret (masked here as ${mask('1234567890')}):\n${listed.join('\n')}\n`,
        );
      } else {
        console.log(`log scan: ${lines} log lines written during the tests, none with personal data or a secret`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
