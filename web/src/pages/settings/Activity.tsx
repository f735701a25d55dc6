import { useState } from "preact/hooks";
import { type AuditItem, type AuditPage, fetchAudit } from "../../api/admin";
import { Button } from "../../components/Button";
import { Notice } from "../../components/Notice";
import { useLoad } from "../../data/use-load";
import { hasMessage, t, useLocale } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formatterFor } from "../../lib/format";
import { useAction } from "../../lib/use-action";
import { useMe } from "../../session";
import { LoadState, Screen } from "./parts";

/** Our words for an action code; the code itself for one added after this screen was written. */
export function actionName(action: string): string {
  const key = `admin.audit.${action}`;
  return hasMessage(key) ? t(key) : action;
}

/** Who did what, when and from where: sign-ins, staff changes, settings. Newest first. */
export default function Activity() {
  return (
    <Screen title={t("admin.activity.title")} permission="audit.read">
      <ActivityList />
    </Screen>
  );
}

function ActivityList() {
  const first = useLoad(() => fetchAudit());
  const [more, setMore] = useState<AuditPage | null>(null);
  const loadMore = useAction(async (cursor: string) => {
    const page = await fetchAudit(cursor);
    setMore((prev) => ({ items: [...(prev?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
  });
  if (!first.data) return <LoadState error={first.error} retry={first.reload} />;
  const items = [...first.data.items, ...(more?.items ?? [])];
  const next = more ? more.nextCursor : first.data.nextCursor;
  return (
    <>
      <p class="hint">{t("admin.activity.intro")}</p>
      {items.length === 0 ? (
        <p>{t("admin.activity.empty")}</p>
      ) : (
        <ol class="list" aria-label={t("admin.activity.title")}>
          {items.map((item) => (
            <Entry key={item.id} item={item} />
          ))}
        </ol>
      )}
      {loadMore.error !== null && <Notice kind="error">{errorMessage(loadMore.error)}</Notice>}
      {next && (
        <Button
          variant="secondary"
          busy={loadMore.busy}
          busyLabel={t("app.loading")}
          onClick={() => void loadMore.run(next)}
        >
          {t("admin.activity.more")}
        </Button>
      )}
    </>
  );
}

function Entry({ item }: { item: AuditItem }) {
  const me = useMe();
  const format = formatterFor(me.business, useLocale());
  const subject = typeof item.details?.name === "string" ? item.details.name : null;
  return (
    <li class="card stack-xs">
      <p>
        <strong>{actionName(item.action)}</strong>
        {subject && <span>{t("admin.activity.subject", { name: subject })}</span>}
      </p>
      <p class="hint">{t("admin.activity.who", { name: item.userName ?? t("admin.activity.nobody") })}</p>
      <p class="hint">
        <time dateTime={item.at}>{format.date(item.at, "dateTime")}</time>
        {item.ip && <span>{t("admin.activity.from", { ip: item.ip })}</span>}
      </p>
    </li>
  );
}
