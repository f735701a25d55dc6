import { useState } from "preact/hooks";
import { listUsers } from "../../api/admin";
import { listSales, type SaleFilters, type SaleSummary } from "../../api/sales";
import { Button } from "../../components/Button";
import { CustomerPicker, type PickedCustomer } from "../../components/CustomerPicker";
import { Notice } from "../../components/Notice";
import { Spinner } from "../../components/Spinner";
import { useLocationList, useSettings } from "../../data/hooks";
import { t, useLocale } from "../../i18n";
import { todayIn } from "../../lib/dates";
import { errorMessage } from "../../lib/errors";
import { formatterFor } from "../../lib/format";
import { methodLabel, methodsOf } from "../../lib/payment-methods";
import { useAction } from "../../lib/use-action";
import { Link } from "../../router";
import { useMe } from "../../session";
import "./sell.css";
import "./sales.css";
import { useLoad } from "../../data/use-load";
import { SaleSearch } from "./SaleSearch";

/** Sales, today's by default; the server shows staff their own only. Tap a row for its detail. */
export default function SalesList() {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const today = todayIn(me.business.timeZone);
  const isOwner = me.permissions.includes("users.manage");
  const [filters, setFilters] = useState<SaleFilters>({ from: today, to: today });
  const [draft, setDraft] = useState<SaleFilters>({ from: today, to: today });
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [more, setMore] = useState<SaleSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const page = useLoad(async () => {
    const result = await listSales(filters);
    setMore([]);
    setCursor(result.nextCursor);
    return result;
  }, [JSON.stringify(filters)]);
  const locations = useLocationList(me.permissions.includes("locations.read"));
  const users = useLoad(() => (isOwner ? listUsers() : Promise.resolve([])), []);
  const loadMore = useAction(async () => {
    if (!cursor) return;
    const next = await listSales({ ...filters, cursor });
    setMore((m) => [...m, ...next.items]);
    setCursor(next.nextCursor);
  });
  const rows = [...(page.data?.items ?? []), ...more];
  const set = (patch: SaleFilters) => setDraft((d) => ({ ...d, ...patch }));
  // Hidden methods too: old sales may have been paid that way.
  const methods = methodsOf(useSettings()).map((m) => ({
    method: m.method,
    label: methodLabel(m.method, m.label),
  }));

  return (
    <div class="stack">
      <div class="sell-head">
        <h1>{t("sales.title")}</h1>
        {me.permissions.includes("reports.read") && (
          <Link class="sell-link" href="/reports">
            {t("sales.toReports")}
          </Link>
        )}
      </div>
      <SaleSearch
        searching={filters.q !== undefined}
        onSearch={(q) => setFilters(q ? { q } : { from: today, to: today })}
      />
      <details class="card">
        <summary class="sales-summary">{t("sales.filters")}</summary>
        <form
          class="stack sales-filters"
          onSubmit={(e) => {
            e.preventDefault();
            setFilters({ ...draft, ...(customer ? { customerId: customer.id } : { customerId: undefined }) });
          }}
        >
          <div class="sales-dates">
            <div class="field">
              <label for="f-from">{t("sales.from")}</label>
              <input id="f-from" type="date" value={draft.from} onInput={(e) => set({ from: e.currentTarget.value })} />
            </div>
            <div class="field">
              <label for="f-to">{t("sales.to")}</label>
              <input id="f-to" type="date" value={draft.to} onInput={(e) => set({ to: e.currentTarget.value })} />
            </div>
          </div>
          {(locations.data?.items.length ?? 0) > 1 && (
            <div class="field">
              <label for="f-location">{t("sales.location")}</label>
              <select
                id="f-location"
                value={draft.locationId ?? ""}
                onChange={(e) => set({ locationId: e.currentTarget.value || undefined })}
              >
                <option value="">{t("sales.any")}</option>
                {locations.data?.items.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {isOwner && (
            <div class="field">
              <label for="f-staff">{t("sales.staff")}</label>
              <select
                id="f-staff"
                value={draft.userId ?? ""}
                onChange={(e) => set({ userId: e.currentTarget.value || undefined })}
              >
                <option value="">{t("sales.any")}</option>
                {users.data?.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div class="field">
            <label for="f-method">{t("sales.method")}</label>
            <select
              id="f-method"
              value={draft.paymentMethod ?? ""}
              onChange={(e) => set({ paymentMethod: e.currentTarget.value || undefined })}
            >
              <option value="">{t("sales.any")}</option>
              {methods.map((m) => (
                <option key={m.method} value={m.method}>
                  {m.label}
                </option>
              ))}
            </select>
          </div>
          <CustomerPicker value={customer} onChange={setCustomer} allowAdd={false} id="sales-customer" />
          <Button type="submit">{t("sales.apply")}</Button>
        </form>
      </details>

      {page.loading && <Spinner label={t("app.loading")} />}
      {page.error !== undefined && (
        <Notice kind="error">
          {errorMessage(page.error)}{" "}
          <button type="button" class="btn btn-secondary" onClick={page.reload}>
            {t("app.retry")}
          </button>
        </Notice>
      )}
      {!page.loading && page.data && rows.length === 0 && <p class="hint">{t("sales.none")}</p>}
      {rows.length > 0 && (
        <>
          <p class="hint" role="status">
            {t("sales.count", {
              count: rows.length,
              total: fmt.money(
                rows.filter((r) => r.status === "completed").reduce((n, r) => n + r.total - r.refunded, 0),
              ),
            })}
          </p>
          <ul class="list-plain sales-rows">
            {rows.map((r) => (
              <li key={r.id}>
                <Link class={`sales-row${r.status === "voided" ? " sales-row-void" : ""}`} href={`/sales/${r.id}`}>
                  <span class="sales-row-no">{t("sales.number", { number: r.number })}</span>
                  <span class="sales-row-total">{fmt.money(r.total)}</span>
                  <span class="hint">
                    {filters.from === filters.to ? fmt.date(r.occurredAt, "time") : fmt.date(r.occurredAt, "dateTime")}
                    {" · "}
                    {methodLabel(r.paymentMethod)}
                    {r.paymentReference ? ` ${r.paymentReference}` : ""}
                    {r.kind === "refund" ? ` · ${t("sales.kind.refund")}` : ""}
                    {r.customerName ? ` · ${r.customerName}` : ""}
                    {isOwner ? ` · ${r.staffName}` : ""}
                    {r.provisional ? ` · ${t("offline.sale.flag", { number: r.provisional })}` : ""}
                    {r.overLimit ? ` · ${t("offline.sale.overLimit")}` : ""}
                  </span>
                  <span class={`badge badge-${r.status}`}>{t(`sales.status.${r.status}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {loadMore.error !== null && <Notice kind="error">{errorMessage(loadMore.error)}</Notice>}
      {cursor && (
        <Button
          variant="secondary"
          busy={loadMore.busy}
          busyLabel={t("app.loading")}
          onClick={() => void loadMore.run()}
        >
          {t("sales.more")}
        </Button>
      )}
    </div>
  );
}
