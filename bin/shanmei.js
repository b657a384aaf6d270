#!/usr/bin/env node
// The CLI entry: runs the compiled CLI (npm run build writes dist/).
import('../dist/cli/index.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('shanmei: dist/ is missing — run `npm run build` first.');
    process.exit(2);
  }
  throw err;
});
