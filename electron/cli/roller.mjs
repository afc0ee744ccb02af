#!/usr/bin/env node
// The `roller` command (npx roller …): runs the CLI compiled to out/cli (cli.vite.config.ts), which
// `npm ci` and `npm run build` make. Plain JavaScript: no TypeScript transpiler at run time.
import { existsSync } from 'node:fs';

const compiled = new URL('../../out/cli/cli-main.js', import.meta.url);
if (existsSync(compiled)) {
  // Output piped into a command that stops reading (`roller analyze rec.csv | head`): stop quietly.
  process.stdout.on('error', (/** @type {NodeJS.ErrnoException} */ err) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  /** @type {{ main: (argv: string[], io: { stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream }) => Promise<number> }} */
  const { main } = await import(compiled.href);
  process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
} else {
  process.stderr.write('roller: the CLI is not built yet (out/cli is missing): run "npm run build" first\n');
  process.exitCode = 1;
}
