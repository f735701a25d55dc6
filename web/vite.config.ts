import preact from "@preact/preset-vite";
import { defaultClientConditions, defineConfig, type Plugin } from "vite";

const server = "http://localhost:3000";

/**
 * Writes precache.json, the list of every file the build made (every screen's code and style), so
 * the service worker keeps them all when it installs: the app then opens offline on any screen,
 * however the user signed in and whichever screens they visited.
 */
function precacheList(): Plugin {
  return {
    name: "duka-precache-list",
    apply: "build",
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => name.startsWith("assets/"))
        .map((name) => `/${name}`)
        .sort();
      this.emitFile({ type: "asset", fileName: "precache.json", source: JSON.stringify({ files }) });
    },
  };
}

export default defineConfig({
  plugins: [preact(), precacheList()],
  // "source" makes @duka/contracts resolve to its TypeScript, so the web needs no contracts build.
  resolve: { conditions: ["source", ...defaultClientConditions] },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2020",
    // Phones on mobile data: small chunks, no source maps shipped.
    sourcemap: false,
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { "/api": server, "/healthz": server, "/readyz": server },
  },
});
