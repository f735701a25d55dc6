import { useEffect, useState } from "preact/hooks";
import { offlineSince } from "../data/catalogue";
import { pending, type Pending as Waiting } from "../data/outbox";
import { t, useLocale } from "../i18n";
import { formatterFor } from "../lib/format";
import { useStore } from "../lib/store";
import { Link } from "../router";
import { useMe } from "../session";

/** "12 min", "3 h": how long ago, in the reader's words. */
export function age(since: string, now: number): string {
  const minutes = Math.floor((now - new Date(since).getTime()) / 60_000);
  if (minutes < 1) return t("offline.age.now");
  if (minutes < 120) return t("offline.age.minutes", { count: minutes });
  return t("offline.age.hours", { count: Math.floor(minutes / 60) });
}

/** "5 sales, 1 new customer": what waits, by kind, in the reader's words. */
export function waitingWords(w: Waiting): string {
  const parts: string[] = [];
  if (w.sales > 0) parts.push(t("offline.count.sales", { count: w.sales }));
  if (w.payments > 0) parts.push(t("offline.count.payments", { count: w.payments }));
  if (w.customers > 0) parts.push(t("offline.count.customers", { count: w.customers }));
  return parts.join(", ");
}

/**
 * On every screen while anything waits: how many writes are not sent yet and how old the oldest
 * is, and what the server refused; it opens the list. Offline, the age of the prices shown.
 */
export function Pending() {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const waiting = useStore(pending);
  const since = useStore(offlineSince);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (waiting.count === 0 && waiting.attention === 0 && since === null) return null;
  return (
    <div class="pending" role="status">
      {since !== null && <span>{t("offline.asOf", { time: fmt.date(new Date(since).toISOString(), "time") })}</span>}
      {(waiting.count > 0 || waiting.attention > 0) && (
        <Link href="/outbox" class="pending-link">
          {waiting.count > 0 &&
            t("offline.pending", { what: waitingWords(waiting), age: waiting.oldest ? age(waiting.oldest, now) : "" })}
          {waiting.count > 0 && waiting.attention > 0 && " · "}
          {waiting.attention > 0 && t("offline.attention.badge", { count: waiting.attention })}
        </Link>
      )}
    </div>
  );
}
