import preact from "@preact/preset-vite";
import { defaultClientConditions, defineConfig } from "vite";

const server = "http://localhost:3000";

export default defineConfig({
  plugins: [preact()],
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
