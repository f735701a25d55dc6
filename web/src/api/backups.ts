import type { BackupStatus } from "@duka/contracts";
import { get } from "../data/endpoints";

export type { BackupStatus };
export const fetchBackupStatus = () => get("/backups/status");
/** The owner's own data, one CSV per table in a zip; a plain link so the browser downloads it. */
export const EXPORT_URL = "/api/v1/export.zip";
