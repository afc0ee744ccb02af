import { builtinModules } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * Builds the `roller` CLI to JavaScript in out/cli (`npm run build:cli`, part of `npm run build`
 * and of `npm ci` through `prepare`), so the installed command needs no TypeScript transpiler.
 * electron/cli/roller.mjs is the launcher that imports out/cli/cli-main.js.
 *
 * - Every package import stays an import from node_modules (the native addons better-sqlite3
 *   and noble above all): only our own sources (electron/, sensor-protocol/, the scenario JSON)
 *   are compiled in.
 * - Each command is its own chunk, loaded when that command runs (cli-main's lazy table).
 * - Every file lands directly in out/cli, two levels below the repository like electron/cli:
 *   the commands find `out/renderer` and `out/main` by paths relative to their own file.
 */
const isPackage = (id: string) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0');

export default defineConfig({
  build: {
    ssr: resolve('electron/cli/cli-main.ts'),
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    reportCompressedSize: false,
    rollupOptions: {
      external: (id) => isPackage(id) || builtinModules.includes(id),
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
