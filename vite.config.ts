import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      // Registration lives in src/platform/service-worker.ts so the update prompt is ours.
      injectRegister: false,
      manifest: {
        name: 'Safetrail',
        short_name: 'Safetrail',
        description: 'Record, guide and log e-safety and safeguarding incidents, even offline.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1d4e89',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      injectManifest: {
        // PNGs and the manifest are precached by the plugin itself; globbing them again
        // would list them twice (STACK.md trap 6).
        globPatterns: ['**/*.{js,css,html,svg}'],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // The benchmark reads it to find exactly the chunks the capture screen needs.
    manifest: true,
  },
  server: { host: '127.0.0.1' },
});
