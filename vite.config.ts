import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The entry script's own imports, as modulepreload links, so the browser fetches them
 * alongside the entry instead of one round trip later (Vite's preloading is off, see
 * build.modulePreload). Only these: on a locked tablet's cold start the rest of the app
 * loads after the PIN screen has been drawn (src/ui/main.tsx), and preloading it would
 * have the browser compile it in competition with that first frame.
 */
function preloadEntryImports(): Plugin {
  return {
    name: 'safetrail:preload-entry-imports',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle || !entry) return [];
        const wanted = new Set<string>();
        const walk = (file: string) => {
          if (wanted.has(file)) return;
          wanted.add(file);
          const c = bundle[file];
          if (c?.type === 'chunk') c.imports.forEach(walk);
        };
        entry.imports.forEach(walk);
        return [...wanted].map((file): HtmlTagDescriptor => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head',
        }));
      },
    },
  };
}

/**
 * TanStack Router's scroll-restoration module reads sessionStorage as it loads, whether or
 * not scroll restoration is on (here it is off). On a tablet's cold start that first
 * sessionStorage access is a synchronous load of the tab's storage, measured at about
 * 30 ms of the capture screen's start. This defers the read to the first use, which only
 * scroll restoration makes. The build fails if the module no longer has this shape, so a
 * router upgrade is checked rather than silently unpatched.
 */
function lazyRouterScrollStorage(): Plugin {
  const declarations = [
    'const safeSessionStorage = getSafeSessionStorage();',
    'const scrollRestorationCache = /* @__PURE__ */ createScrollRestorationCache();',
  ];
  return {
    name: 'safetrail:lazy-router-scroll-storage',
    apply: 'build',
    transform(code, id) {
      if (!/@tanstack[\\/]router-core[\\/]dist[\\/]esm[\\/]scroll-restoration\.js$/.test(id))
        return;
      if (!declarations.every((d) => code.includes(d)))
        throw new Error(
          `${id} has changed shape: review lazyRouterScrollStorage in vite.config.ts.`,
        );
      return code
        .replace(declarations[0]!, '')
        .replace(
          declarations[1]!,
          'let scrollRestorationCacheValue;\n' +
            'const getScrollRestorationCache = () =>\n' +
            '  (scrollRestorationCacheValue ??= createScrollRestorationCache());',
        )
        .replace(/\bsafeSessionStorage\b/g, 'getSafeSessionStorage()')
        .replace(/\bscrollRestorationCache\b(?!Value)/g, 'getScrollRestorationCache()');
    },
  };
}

/**
 * Every route object carries a `Route.Link` component bound to that route, which keeps
 * TanStack's whole Link (preloading on intent, active matching, relative destinations, about
 * 3 kB gzip) in the start-up script even though no screen uses it: the app's links are
 * src/ui/components/Link.tsx, typed by the router. This leaves `Route.Link` throwing a clear
 * error instead. As above, a change of shape fails the build.
 */
function withoutRouteBoundLink(): Plugin {
  const declaration = 'import { Link } from "./link.js";';
  return {
    name: 'safetrail:without-route-bound-link',
    apply: 'build',
    transform(code, id) {
      if (!/@tanstack[\\/]react-router[\\/]dist[\\/]esm[\\/]route\.js$/.test(id)) return;
      if (!code.includes(declaration))
        throw new Error(`${id} has changed shape: review withoutRouteBoundLink in vite.config.ts.`);
      return code.replace(
        declaration,
        'const Link = () => {\n' +
          '  throw new Error("Route.Link is not built in: use src/ui/components/Link.tsx.");\n' +
          '};',
      );
    },
  };
}

export default defineConfig({
  plugins: [
    preact(),
    preloadEntryImports(),
    lazyRouterScrollStorage(),
    withoutRouteBoundLink(),
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
        lang: 'en-GB',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          // No SVG: the browser fetches the manifest's best icon as the app starts, and an
          // SVG one is drawn as a document on the page's main thread (about 5 ms of a
          // tablet's cold start, before its first frame).
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
  resolve: {
    alias: [
      // Dexie's own modern ES build: the same library without the ES5 downlevelling and
      // the CommonJS wrapper of its default entry, so less to download and evaluate.
      { find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' },
      {
        find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/,
        replacement: fileURLToPath(new URL('./src/ui/app/with-selector-shim.ts', import.meta.url)),
      },
    ],
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // The benchmark reads it to find exactly the chunks the capture screen needs.
    manifest: true,
    // No dependency preloading for screens loaded on demand: Vite's helper for it is 1.3 kB
    // gzip of every start-up, the entry's own imports are preloaded from index.html
    // (preloadEntryImports), and any other screen's imports come from the precache one
    // short hop later.
    modulePreload: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Dexie, apart: every app start needs it, but it is a third of the app's start-up
            // code and the browser compiles each file on a background thread of its own.
            { name: 'dexie', test: /node_modules[\\/]dexie[\\/]/, priority: 4 },
            // The entry script: what a locked tablet's PIN screen needs, and no more.
            { name: 'start', tags: ['$initial'], priority: 3 },
            // The app proper (src/ui/app/start-app.tsx: the router, the providers, the PIN
            // check), loaded by the entry on every start, on a tablet after the PIN screen.
            {
              name: 'app',
              test: /src[\\/]ui[\\/]app[\\/]start-app\.tsx$/,
              includeDependenciesRecursively: true,
              priority: 2,
            },
            // The capture screen and everything it imports that the app has not, in one
            // file rather than ten: each file costs a fetch and its own gzip dictionary
            // (about 2 kB more in all). The benchmark finds the capture screen by this name.
            {
              name: 'capture',
              test: /src[\\/]ui[\\/]capture[\\/]CaptureRoutes\.tsx$/,
              includeDependenciesRecursively: true,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  // The console's envelope-opening workers (src/crypto/open-pool.ts) are module workers,
  // and what they load includes a dynamic import, which the default iife format cannot hold.
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
});
