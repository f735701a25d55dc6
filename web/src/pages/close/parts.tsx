import { useState } from "preact/hooks";
import type { ClosesList, DaySummary, DrawerClose } from "../../api/closes";
import { t } from "../../i18n";

type Money = (minor: number) => string;

/** "KES 50 short", "KES 20 more than expected", "Exactly as expected". */
export function differenceText(difference: number, money: Money): string {
  if (difference > 0) return t("close.over", { amount: money(difference) });
  if (difference < 0) return t("close.short", { amount: money(-difference) });
  return t("close.even");
}

/** The standing close of a drawer in one sentence, with a warning when a sale came in after it. */
export function CloseLine({ close, money, time }: { close: DrawerClose; money: Money; time: (at: string) => string }) {
  return (
    <>
      <p>
        {t("close.closedAt", {
          time: time(close.closedAt),
          name: close.closedByName,
          counted: money(close.counted),
          expected: money(close.expected),
          difference: differenceText(close.difference, money),
        })}
      </p>
      {close.earlierCounts > 0 ? <p class="hint">{t("close.earlier", { count: close.earlierCounts })}</p> : null}
      {close.changedSinceClose ? (
        <p class="close-changed">{t("close.changed", { amount: money(close.expectedNow) })}</p>
      ) : null}
    </>
  );
}

/** Every close in a list, and the drawers not closed yet: for the dashboard and the reports. */
export function ClosesSummary({
  list,
  money,
  day,
  showDay,
}: {
  list: ClosesList;
  money: Money;
  day: (d: string) => string;
  showDay: boolean;
}) {
  return (
    <div class="stack">
      {list.items.length === 0 ? <p class="hint">{t("close.list.none")}</p> : null}
      {list.items.length > 0 ? (
        <ul class="close-list">
          {list.items.map((c) => (
            <li key={c.id} class={c.difference < 0 ? "close-short" : undefined}>
              <strong>
                {showDay ? `${day(c.date)} · ` : ""}
                {t("close.list.row", { name: c.userName, place: c.locationName })}
              </strong>
              <span>{t("close.list.figures", { counted: money(c.counted), expected: money(c.expected) })}</span>
              <span class="close-diff">{differenceText(c.difference, money)}</span>
              {c.changedSinceClose ? (
                <span class="close-changed">{t("close.changed", { amount: money(c.expectedNow) })}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {list.items.length > 1 ? (
        <p>{t("close.list.total", { difference: differenceText(list.totals.difference, money) })}</p>
      ) : null}
      {list.open.length > 0 ? (
        <>
          <h3>{t("close.list.open")}</h3>
          <ul class="close-list">
            {list.open.map((o) => (
              <li key={`${o.date}/${o.locationId}/${o.userId}`}>
                {showDay ? `${day(o.date)} · ` : ""}
                {t("close.list.openRow", { name: o.userName, place: o.locationName, amount: money(o.cashExpected) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

type Shared = "copied" | "copyFailed" | null;

/** The day's summary as the server wrote it in the shop's language, to send on WhatsApp or copy. */
export function DayShare({ day }: { day: DaySummary }) {
  const [shared, setShared] = useState<Shared>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(day.text);
      setShared("copied");
    } catch {
      setShared("copyFailed");
    }
  };
  return (
    <section class="card stack" aria-labelledby="day-share-h">
      <h2 id="day-share-h">{t("close.share.title")}</h2>
      <pre class="close-text">{day.text}</pre>
      <a
        class="btn btn-primary"
        href={`https://wa.me/?text=${encodeURIComponent(day.text)}`}
        target="_blank"
        rel="noopener"
      >
        {t("close.share.whatsapp")}
      </a>
      <button type="button" class="btn btn-secondary" onClick={() => void copy()}>
        {t("close.share.copy")}
      </button>
      {shared ? (
        <p role="status" class="hint">
          {t(shared === "copied" ? "close.share.copied" : "close.share.copyFailed")}
        </p>
      ) : null}
    </section>
  );
}
