import { type BackupStatus, EXPORT_URL, fetchBackupStatus } from "../../api/backups";
import { documentUsage } from "../../api/documents";
import { Notice } from "../../components/Notice";
import { useLoad } from "../../data/use-load";
import { t, useLocale } from "../../i18n";
import { formatterFor } from "../../lib/format";
import { useMe } from "../../session";
import { LoadState, Screen } from "./parts";

/** Is the shop's data safe? The last automatic backup, a warning when it is late, and a full export. */
export default function Backups() {
  return (
    <Screen title={t("admin.backups.title")} permission="backups.read">
      <BackupView />
    </Screen>
  );
}

function BackupView() {
  const me = useMe();
  const status = useLoad(fetchBackupStatus);
  return (
    <>
      {status.data ? <Status status={status.data} /> : <LoadState error={status.error} retry={status.reload} />}
      {me.permissions.includes("settings.manage") && <DocumentsUsage />}
      {me.permissions.includes("data.export") && (
        <section class="card stack" aria-labelledby="export-title">
          <h2 id="export-title">{t("admin.backups.exportTitle")}</h2>
          <p class="hint">{t("admin.backups.exportHint")}</p>
          <a class="btn btn-secondary" href={EXPORT_URL} download>
            {t("admin.backups.export")}
          </a>
        </section>
      )}
    </>
  );
}

function Status({ status }: { status: BackupStatus }) {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  return (
    <section class="card stack" aria-labelledby="backup-title">
      <h2 id="backup-title">{t("admin.backups.lastTitle")}</h2>
      {status.lastSuccess ? (
        <p>{t("admin.backups.last", { when: fmt.date(status.lastSuccess.at, "dateTime") })}</p>
      ) : status.nextRun ? (
        <p>{t("admin.backups.first", { when: fmt.date(status.nextRun, "dateTime") })}</p>
      ) : (
        <p>{t("admin.backups.off")}</p>
      )}
      {/* "Backed up" only once a backup holding this shop has run; "late" is for one that stopped coming. */}
      {status.stale && (status.lastSuccess || status.lastFailure) ? (
        <Notice kind="error">
          {status.lastFailure
            ? t("admin.backups.failed", { when: fmt.date(status.lastFailure.at, "dateTime") })
            : t("admin.backups.late")}
        </Notice>
      ) : (
        status.lastSuccess && <Notice kind="success">{t("admin.backups.ok")}</Notice>
      )}
      <p class="hint">{t("admin.backups.hint")}</p>
    </section>
  );
}

/** How much the shop keeps in encrypted file storage: photos, PDFs and generated receipts. */
function DocumentsUsage() {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const usage = useLoad(documentUsage);
  return (
    <section class="card stack" aria-labelledby="documents-usage-title">
      <h2 id="documents-usage-title">{t("docs.usageTitle")}</h2>
      {usage.data ? (
        <>
          <p>
            {usage.data.count === 0
              ? t("docs.usageNone")
              : t("docs.usage", { count: fmt.number(usage.data.count), size: fmt.bytes(usage.data.totalBytes) })}
          </p>
          <p>
            {t("docs.usageQuota", { used: fmt.bytes(usage.data.totalBytes), quota: fmt.bytes(usage.data.quotaBytes) })}
          </p>
          {usage.data.totalBytes >= usage.data.quotaBytes && <p role="alert">{t("docs.usageFull")}</p>}
        </>
      ) : (
        <LoadState error={usage.error} retry={usage.reload} />
      )}
    </section>
  );
}
