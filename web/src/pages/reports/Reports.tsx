import { useState } from "preact/hooks";
import { dailyReport, monthlyReport, type ReportRow, reportPath } from "../../api/sales";
import { Fit } from "../../components/Fit";
import { Notice } from "../../components/Notice";
import { Spinner } from "../../components/Spinner";
import { useLoad } from "../../data/use-load";
import { type MessageKey, t, useLocale } from "../../i18n";
import { todayIn } from "../../lib/dates";
import { errorMessage } from "../../lib/errors";
import { formatterFor } from "../../lib/format";
import { methodLabel } from "../../lib/payment-methods";
import { useMe } from "../../session";
import { RangeCloses } from "../close/RangeCloses";
import { BarChart } from "./Chart";
import "./reports.css";

type Kind = "daily" | "monthly";
type Row = ReportRow & { key: string };

/** Daily and monthly sales figures in the business's calendar: table, chart, breakdowns, CSV, print. */
export default function Reports() {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const today = todayIn(me.business.timeZone);
  const [kind, setKind] = useState<Kind>("daily");
  const [daily, setDaily] = useState({ from: `${today.slice(0, 8)}01`, to: today });
  const [monthly, setMonthly] = useState({ from: `${today.slice(0, 4)}-01`, to: today.slice(0, 7) });
  const range = kind === "daily" ? daily : monthly;
  const report = useLoad(async () => {
    if (kind === "daily") {
      const r = await dailyReport(daily.from, daily.to);
      return { kind, rows: r.days.map((d) => ({ ...d, key: d.date })) as Row[], totals: r.totals };
    }
    const r = await monthlyReport(monthly.from, monthly.to);
    return { kind, rows: r.months.map((m) => ({ ...m, key: m.month })) as Row[], totals: r.totals };
  }, [kind, range.from, range.to]);
  // The rows on screen may still be the other kind's while the new ones load: label them by their own kind.
  const shown = report.data?.kind === kind ? report.data : undefined;

  const label = (key: string) => (kind === "daily" ? fmt.day(key) : fmt.day(`${key}-01`, "month"));
  const short = (key: string) => (kind === "daily" ? String(Number(key.slice(8))) : key.slice(5));
  const setRange = (patch: Partial<typeof range>) =>
    kind === "daily" ? setDaily({ ...daily, ...patch }) : setMonthly({ ...monthly, ...patch });
  const totals = shown?.totals;

  return (
    <div class="stack reports page-wide">
      <h1>{t("reports.title")}</h1>
      <fieldset class="no-print">
        <legend class="visually-hidden">{t("reports.kind")}</legend>
        <div class="report-kinds">
          {(["daily", "monthly"] as const).map((k) => (
            <button
              key={k}
              type="button"
              class={`btn ${kind === k ? "btn-primary" : "btn-secondary"}`}
              aria-pressed={kind === k}
              onClick={() => setKind(k)}
            >
              {t(`reports.${k}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <div class="report-range no-print">
        <div class="field">
          <label for="r-from">{t("reports.from")}</label>
          <input
            id="r-from"
            type={kind === "daily" ? "date" : "month"}
            value={range.from}
            onChange={(e) => e.currentTarget.value && setRange({ from: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="r-to">{t("reports.to")}</label>
          <input
            id="r-to"
            type={kind === "daily" ? "date" : "month"}
            value={range.to}
            onChange={(e) => e.currentTarget.value && setRange({ to: e.currentTarget.value })}
          />
        </div>
      </div>
      <p class="print-only">{t("reports.range", { from: label(range.from), to: label(range.to) })}</p>

      {report.loading && <Spinner label={t("app.loading")} />}
      {report.error !== undefined && (
        <Notice kind="error">
          {errorMessage(report.error)}{" "}
          <button type="button" class="btn btn-secondary" onClick={report.reload}>
            {t("app.retry")}
          </button>
        </Notice>
      )}

      {shown && totals && (
        <>
          <dl class="report-cards">
            {(
              [
                ["reports.netSales", fmt.money(totals.netSales)],
                ["reports.salesCount", fmt.number(totals.salesCount)],
                ["reports.margin", fmt.money(totals.grossMargin)],
                ["reports.voids", fmt.number(totals.voidsCount)],
              ] as const
            ).map(([key, value]) => (
              <div key={key} class="fit-box">
                <dt>{t(key)}</dt>
                <dd>
                  <Fit text={value} />
                </dd>
              </div>
            ))}
          </dl>
          <BarChart
            label={t("reports.chart", { from: label(range.from), to: label(range.to) })}
            points={shown.rows.map((r) => ({ key: r.key, short: short(r.key), value: r.netSales }))}
          />
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the phone scrolls, and keyboards must reach it */}
          <section class="table-scroll" tabIndex={0} aria-labelledby="report-caption">
            <table class="report-table report-wide">
              <caption id="report-caption">{t(kind === "daily" ? "reports.byDay" : "reports.byMonth")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(kind === "daily" ? "reports.date" : "reports.month")}</th>
                  {COLUMNS.map(([key]) => (
                    <th key={key} scope="col">
                      {t(key)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.rows.map((r) => (
                  <FigureRow key={r.key} head={label(r.key)} row={r} fmt={fmt} />
                ))}
              </tbody>
              <tfoot>
                <FigureRow head={t("reports.total")} row={totals} fmt={fmt} />
              </tfoot>
            </table>
          </section>
          {totals.linesWithoutCost > 0 && <p class="hint">{t("reports.noCost", { count: totals.linesWithoutCost })}</p>}
          <Breakdown
            title={t("reports.byMethod")}
            rows={totals.byPaymentMethod.map((b) => ({ key: b.method, name: methodLabel(b.method), ...b }))}
            fmt={fmt}
          />
          <Breakdown
            title={t("reports.byLocation")}
            rows={totals.byLocation.map((b) => ({ key: b.locationId, ...b }))}
            fmt={fmt}
          />
          <Breakdown
            title={t("reports.byStaff")}
            rows={totals.byStaff.map((b) => ({ key: b.userId, ...b }))}
            fmt={fmt}
          />
          {kind === "daily" ? <RangeCloses from={daily.from} to={daily.to} /> : null}
        </>
      )}
      <div class="report-actions no-print">
        <a class="btn btn-secondary" href={`/api/v1${reportPath(kind, range.from, range.to, "csv")}`} download>
          {t("reports.csv")}
        </a>
        <button type="button" class="btn btn-secondary" onClick={() => print()}>
          {t("reports.print")}
        </button>
      </div>
    </div>
  );
}

type Fmt = ReturnType<typeof formatterFor>;

/** The columns of the figures table, in order; on a phone each row is a card that names them. */
const COLUMNS = [
  ["reports.salesCount", (r, f) => f.number(r.salesCount)],
  ["reports.items", (r, f) => f.number(r.itemsSold)],
  ["reports.gross", (r, f) => f.money(r.grossSales)],
  ["reports.discounts", (r, f) => f.money(r.discounts)],
  ["reports.netSales", (r, f) => f.money(r.netSales)],
  ["reports.voids", (r, f) => f.number(r.voidsCount)],
  ["reports.margin", (r, f) => f.money(r.grossMargin)],
] as const satisfies readonly (readonly [MessageKey, (r: ReportRow, f: Fmt) => string])[];

function FigureRow({ head, row, fmt }: { head: string; row: ReportRow; fmt: Fmt }) {
  return (
    <tr>
      <th scope="row">{head}</th>
      {COLUMNS.map(([key, show]) => (
        <td key={key} data-label={t(key)}>
          <Fit text={show(row, fmt)} />
        </td>
      ))}
    </tr>
  );
}

function Breakdown({
  title,
  rows,
  fmt,
}: {
  title: string;
  rows: { key: string; name: string; salesCount: number; netSales: number }[];
  fmt: Fmt;
}) {
  if (rows.length === 0) return null;
  return (
    <table class="report-table report-wide report-small">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t("reports.name")}</th>
          <th scope="col">{t("reports.salesCount")}</th>
          <th scope="col">{t("reports.netSales")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.name}</th>
            <td data-label={t("reports.salesCount")}>
              <Fit text={fmt.number(r.salesCount)} />
            </td>
            <td data-label={t("reports.netSales")}>
              <Fit text={fmt.money(r.netSales)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
