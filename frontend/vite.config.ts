/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const backend = process.env.API_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    // The Host header is kept (no changeOrigin), so the server's cross-origin check sees a
    // same-origin request, as it will behind the real server.
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend },
      '/readyz': { target: backend },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd is one large chunk by design; the warning would only be noise.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // antd's rc-component packages declare no `sideEffects`, so the bundler must assume each module
      // does something on import: one name the shell takes from a package's index (Select's form
      // context, say) then drags every module that index imports (the whole Form, Input, Table ...)
      // into the chunks the entry preloads. They have no effects on import but picker's registering of
      // its dayjs plugins, which runs with the DatePicker that needs them.
      treeshake: {
        moduleSideEffects: [{ test: /[\\/]node_modules[\\/]@rc-component[\\/]/, sideEffects: false }],
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/testing/setup.ts'],
    css: false,
    restoreMocks: true,
    // A guard against a hung test, not a measure of speed: route tests render the whole app, and a
    // loaded two-core CI machine can take many seconds over one.
    testTimeout: 60000,
  },
});
