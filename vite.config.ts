import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import { tanstackRouter } from "@tanstack/router-plugin/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const backend = process.env.MAILROOM_DEV_API ?? "http://127.0.0.1:8787";

export default defineConfig({
  plugins: [
    // The router plugin must run before react() so it can split route files first.
    tanstackRouter({
      target: "react",
      autoCodeSplitting: true,
      // The in-app /sign-in route (after a 401 or signing out) only wraps the sign-in screen the boot
      // entry already holds: it ships in the app chunk rather than a tiny lazy chunk of its own.
      codeSplittingOptions: { splitBehavior: ({ routeId }) => (routeId === "/sign-in" ? [] : undefined) },
      routesDirectory: "src/web/routes",
      generatedRouteTree: "src/web/routeTree.gen.ts",
      routeFileIgnorePattern: "\\.test\\.",
    }),
    react(),
    tailwindcss(),
  ],
  resolve: {
    alias: [
      { find: "@", replacement: fileURLToPath(new URL("./src", import.meta.url)) },
      // React 19 has useSyncExternalStore: the shim's fallback for React 17 is dead weight.
      { find: /^use-sync-external-store\/shim\/with-selector$/, replacement: "use-sync-external-store/with-selector" },
    ],
  },
  server: {
    proxy: {
      "/api": { target: backend, changeOrigin: false },
      "/webhooks": { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: "dist",
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    // The polyfill only helps browsers without <link rel="modulepreload"> (Safari 16, Firefox
    // 114); they still work without it, loading each module when it is imported.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Fewer, larger chunks: each chunk costs a request, its own gzip stream and an entry in
        // the preload table the entry chunk carries for every route (issue 17).
        codeSplitting: {
          groups: [
            // Everything the boot entry imports statically, in one chunk (the first page needs it all).
            { name: "index", tags: ["$initial"], priority: 3 },
            // The app the boot entry loads once signed in (router, queries, route tree) and all it
            // imports, in one chunk rather than a dozen small ones fetched one after another.
            { name: "app", test: /src[\\/]web[\\/]app\.tsx$/, priority: 2 },
            // The signed-in layout and everything it imports: every signed-in page needs it.
            { name: "shell", test: /src[\\/]web[\\/]routes[\\/]_app\.tsx\?tsr-split=component$/, priority: 1 },
            // Icons shared by several lazy chunks, together instead of one tiny chunk each.
            { name: "icons", test: /lucide-react[\\/]dist[\\/]esm[\\/]icons[\\/]/, priority: 1, minShareCount: 2 },
          ],
        },
      },
    },
  },
});
