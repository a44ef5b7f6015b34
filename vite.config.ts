import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Every tablet start opens the capture screen, whose code the router asks for only once the
 * entry script has run. Listing it (and what it imports) as modulepreload links lets the
 * browser fetch it alongside the entry instead of one round trip later; the entry's own
 * imports are listed too, since Vite's preloading is off (build.modulePreload). The files
 * come from the precache, so this holds offline; on a console it costs one small cached
 * fetch.
 */
function preloadCaptureRoute(): Plugin {
  const route = 'src/ui/capture/CaptureRoutes.tsx';
  return {
    name: 'safetrail:preload-capture-route',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle || !entry) return [];
        const chunkOf = (file: string) => {
          const c = bundle[file];
          return c?.type === 'chunk' ? c : undefined;
        };
        const walk = (file: string, into: Set<string>) => {
          if (into.has(file)) return;
          into.add(file);
          chunkOf(file)?.imports.forEach((f) => walk(f, into));
        };
        // The entry itself is the page's script tag; its imports and the route's are not.
        const already = new Set([entry.fileName]);
        const capture = Object.values(bundle).find(
          (c) => c.type === 'chunk' && c.moduleIds.some((id) => id.endsWith(route)),
        );
        if (!capture) throw new Error(`No chunk for ${route}: the capture route has moved.`);
        const wanted = new Set<string>();
        entry.imports.forEach((f) => walk(f, wanted));
        walk(capture.fileName, wanted);
        return [...wanted]
          .filter((file) => !already.has(file))
          .map((file): HtmlTagDescriptor => ({
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
    preloadCaptureRoute(),
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
    // gzip of every start-up, the capture screen's files are preloaded from index.html
    // (preloadCaptureRoute), and any other screen's imports come from the precache one
    // short hop later.
    modulePreload: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What every start runs, in two files: Dexie (a third of it) and the rest. The
            // browser compiles scripts on background threads, one per file, so on a 2-core
            // tablet the two compile side by side instead of one after the other.
            { name: 'dexie', test: /node_modules[\\/]dexie[\\/]/, priority: 3 },
            { name: 'start', tags: ['$initial'], priority: 2 },
            // The capture screen and everything it imports that the start has not, in one
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
