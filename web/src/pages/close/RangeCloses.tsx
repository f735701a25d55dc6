import { fetchCloses } from "../../api/closes";
import { Notice } from "../../components/Notice";
import { useLoad } from "../../data/use-load";
import { t, useLocale } from "../../i18n";
import { formatterFor } from "../../lib/format";
import { useMe } from "../../session";
import { ClosesSummary } from "./parts";
import "./close.css";

/** Every drawer close of a report's days, each with its difference, and the drawers never closed. */
export function RangeCloses({ from, to }: { from: string; to: string }) {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const list = useLoad(() => fetchCloses({ from, to }), [from, to]);
  return (
    <section class="card stack" aria-labelledby="range-closes-h">
      <h2 id="range-closes-h">{t("close.list.title")}</h2>
      {list.error ? <Notice kind="error">{t("close.loadFailed")}</Notice> : null}
      {list.data ? <ClosesSummary list={list.data} money={fmt.money} day={fmt.day} showDay /> : null}
    </section>
  );
}
