import fs from "node:fs";
import path from "node:path";
import { BackupStatus } from "@duka/contracts";
import { z } from "zod";
import { type App, ctxOf } from "../../lib/http.js";
import { writeBusinessExport } from "./export.service.js";
import { backupStatus } from "./status.service.js";

export default async function backupsRoutes(app: App) {
  const { db, clock, config } = app.deps;
  const hour = config.BACKUPS_ENABLED ? config.BACKUP_HOUR : null;

  app.get(
    "/backups/status",
    { config: { access: "backups.read" }, schema: { tags: ["backups"], response: { 200: BackupStatus } } },
    async (request) => backupStatus(db, ctxOf(request).businessId, clock(), hour),
  );

  app.get(
    "/export.zip",
    {
      config: { access: "data.export" },
      schema: {
        tags: ["backups"],
        response: { 200: z.unknown().describe("A zip of one CSV file per table, this business's rows only.") },
      },
    },
    async (request, reply) => {
      const { file, filename } = await writeBusinessExport(db, ctxOf(request), clock());
      const stream = fs.createReadStream(file);
      stream.on("close", () => fs.rm(path.dirname(file), { recursive: true, force: true }, () => undefined));
      return reply
        .header("content-type", "application/zip")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .header("cache-control", "private, no-store")
        .send(stream);
    },
  );
}
