import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import { type Dashboard as Data, fetchDashboard, type Period } from "../../api/dashboard";
import { LocationSelect } from "../../components/LocationSelect";
import { Notice } from "../../components/Notice";
import { Spinner } from "../../components/Spinner";
import { useLocationList } from "../../data/hooks";
import { t, useLocale } from "../../i18n";
import { formatterFor } from "../../lib/format";
import { lazy } from "../../lib/lazy";
import { useLiveChanges } from "../../lib/live";
import { useMe } from "../../session";
import { TodayCloses } from "../close/TodayCloses";
import { Figure, Lists } from "./DashboardParts";

const SalesChart = lazy(() => import("./SalesChart"));
const PERIODS: Period[] = ["today", "week", "month"];

/** The owner's live picture of the shop; staff see the same screen with their own sales only. */
export default function Dashboard() {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const owner = me.user.role === "owner";
  const [period, setPeriod] = useState<Period>("today");
  const [locationId, setLocationId] = useState("");
  const locations = useLocationList(owner).data?.items ?? [];
  const [data, setData] = useState<Data>();
  const [failed, setFailed] = useState(false);

  const load = useCallback(() => {
    fetchDashboard(period, locationId || undefined).then(
      (d) => {
        setData(d);
        setFailed(false);
      },
      (err: unknown) => {
        if (!(err instanceof ApiError && err.status === 401)) setFailed(true);
      },
    );
  }, [period, locationId]);
  useEffect(load, [load]);
  const live = useLiveChanges(load);

  const tick = (at: string) => (at.includes("T") ? at.slice(11, 16) : fmt.day(at, "date").replace(/,? \d{4}$/, ""));
  const peak = data?.salesOverTime.points.reduce((a, b) => (b.netSales > a.netSales ? b : a));
  return (
    <section class="stack" aria-labelledby="dash-title">
      <div class="dash-head">
        <h2 id="dash-title">{t(owner ? "dashboard.title" : "dashboard.staffTitle")}</h2>
        {live ? <span class="live-badge">{t("dashboard.live")}</span> : null}
      </div>
      {owner ? (
        <fieldset class="segmented">
          <legend class="visually-hidden">{t("dashboard.period")}</legend>
          {PERIODS.map((p) => (
            <label key={p}>
              <input type="radio" name="period" value={p} checked={period === p} onChange={() => setPeriod(p)} />
              <span>{t(`dashboard.period.${p}`)}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {owner && locations.length > 1 ? (
        <LocationSelect
          id="dash-location"
          label={t("dashboard.location")}
          value={locationId}
          locations={locations}
          onChange={setLocationId}
          allLabel={t("dashboard.location.all")}
        />
      ) : null}
      {!live && data ? <Notice kind="info">{t("dashboard.reconnecting")}</Notice> : null}
      {failed ? (
        <Notice kind="error">
          {t("dashboard.loadFailed")}{" "}
          <button type="button" class="btn btn-secondary" onClick={load}>
            {t("app.retry")}
          </button>
        </Notice>
      ) : null}
      {!data ? (
        failed ? null : (
          <Spinner label={t("app.loading")} />
        )
      ) : (
        <>
          <div class="figures" aria-live="polite">
            <Figure
              label={t("dashboard.netSales")}
              figure={data.netSales}
              show={fmt.money}
              big
              testId="net-sales"
              href="/sales"
            />
            <Figure
              label={t("dashboard.salesCount")}
              figure={data.salesCount}
              show={(n) => fmt.number(n)}
              href="/sales"
            />
            <Figure label={t("dashboard.averageSale")} figure={data.averageSale} show={fmt.money} href="/sales" />
            {data.grossMargin ? (
              <Figure label={t("dashboard.grossMargin")} figure={data.grossMargin} show={fmt.money} href="/reports" />
            ) : (
              <Figure
                label={t("dashboard.itemsSold")}
                figure={data.itemsSold}
                show={(n) => fmt.number(n)}
                href="/sales"
              />
            )}
          </div>
          <section class="card" aria-labelledby="dash-chart">
            <h3 id="dash-chart">{t("dashboard.chart")}</h3>
            {data.salesCount.value === 0 || !peak ? (
              <p class="hint">{t("dashboard.chart.empty")}</p>
            ) : (
              <SalesChart
                series={data.salesOverTime}
                tick={tick}
                label={t("dashboard.chart.summary", {
                  total: fmt.money(data.netSales.value),
                  count: data.salesCount.value,
                  peak: tick(peak.at),
                })}
              />
            )}
          </section>
          <Lists data={data} fmt={fmt} owner={owner} />
          {me.permissions.includes("drawers.close") ? <TodayCloses locationId={locationId || undefined} /> : null}
        </>
      )}
    </section>
  );
}
