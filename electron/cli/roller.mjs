#!/usr/bin/env node
// The `roller` command (npx roller …): runs the TypeScript CLI through tsx, no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli-main.ts');
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
