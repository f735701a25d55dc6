import { fetchCloses } from "../../api/closes";
import { Notice } from "../../components/Notice";
import { useLoad } from "../../data/use-load";
import { t, useLocale } from "../../i18n";
import { formatterFor } from "../../lib/format";
import { useLiveChanges } from "../../lib/live";
import { Link } from "../../router";
import { useMe } from "../../session";
import { ClosesSummary } from "./parts";
import "./close.css";

/**
 * Today's drawer closes and the drawers still open, for the owner's dashboard (every close) and for
 * staff (their own); refreshed live as drawers are counted and sales come in.
 */
export function TodayCloses({ locationId }: { locationId?: string | undefined }) {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const list = useLoad(() => fetchCloses({ ...(locationId ? { locationId } : {}) }), [locationId]);
  useLiveChanges(list.reload);
  return (
    <section class="card stack" aria-labelledby="today-closes-h">
      <h3 id="today-closes-h">{t("close.list.today")}</h3>
      {list.error ? <Notice kind="error">{t("close.loadFailed")}</Notice> : null}
      {list.data ? <ClosesSummary list={list.data} money={fmt.money} day={fmt.day} showDay={false} /> : null}
      <Link class="btn btn-secondary" href="/close">
        {t("close.link")}
      </Link>
    </section>
  );
}
