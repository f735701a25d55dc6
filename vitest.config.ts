import { configDefaults, defineConfig } from "vitest/config";

// CI collects every run's counts for its closing "N passed, N failed" line.
const reportDir = process.env.DUKA_TEST_REPORT_DIR;

export default defineConfig({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    reporters: reportDir ? ["default", ["json", { outputFile: `${reportDir}/run-${process.pid}.json` }]] : ["default"],
    projects: [
      {
        extends: true,
        test: {
          name: "server",
          include: ["server/src/**/*.test.ts"],
          globalSetup: ["server/src/test/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: { name: "web", include: ["web/src/**/*.test.ts", "contracts/src/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "e2e/image/**"],
          globalSetup: ["e2e/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
      {
        // The AWS CDK app: synthesised offline, checked property by property and by cdk-nag.
        extends: true,
        test: { name: "infra", include: ["infra/test/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 },
      },
      {
        // The production image's steps in a clean copy (npm ci from the registry: minutes, so CI only).
        extends: true,
        test: { name: "image", include: ["e2e/image/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 600_000 },
      },
    ],
  },
});
