/** `npm run rewrap-keys`: after adding a new MASTER_KEY (old one in MASTER_KEYS_OLD), re-wrap every file's key. */
import { ConfigError, loadConfig } from "../config.js";
import { loadKeyRing, sealStorage, storageFromConfig } from "../lib/storage/index.js";
import { rewrapAll } from "../lib/storage/rewrap.js";

async function main() {
  const config = loadConfig();
  const { ring, generated } = loadKeyRing(config);
  if (generated) process.stderr.write(`No master key was set; generated ${generated}. Back it up.\n`);
  const files = sealStorage(await storageFromConfig(config), ring);
  process.stdout.write(`Re-wrapping every stored file with master key ${ring.current.id.toString("hex")}…\n`);
  const report = await rewrapAll(files);
  process.stdout.write(`${report.rewrapped} re-wrapped, ${report.alreadyCurrent} already on the current key.\n`);
  for (const f of report.failed) process.stderr.write(`Could not re-wrap ${f.key}: ${f.error}\n`);
  if (report.failed.length > 0) {
    process.stderr.write(`${report.failed.length} files failed: keep the old keys in MASTER_KEYS_OLD.\n`);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(
    `rewrap-keys failed: ${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
