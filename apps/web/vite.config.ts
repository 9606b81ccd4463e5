import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The console's build: apps/web → dist/web, which the API serves on its own port (see apps/api/src/web-console.ts). */
export default defineConfig({
  root,
  // React's automatic JSX runtime through Vite's own transformer (oxc); @vitejs/plugin-react only adds fast refresh.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // .vite/manifest.json: which chunks each page loads, read by tools/bundle-size.mjs.
    manifest: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // antd and ProComponents mark their modules "use client" (for React Server Components); a browser bundle drops it.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
