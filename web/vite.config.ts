/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// Built into the Maven module's classes so that the jar serves it under static/ (see README).
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    target: 'es2022',
    // the app's pages are fetched only when opened: the desk does not carry the dashboards' charts
    modulePreload: { polyfill: false },
  },
  test: { include: ['app/**/*.test.ts'], environment: 'node' },
});
