import { useState } from "preact/hooks";
import { lowStock } from "../../api/stock";
import { useLoad } from "../../data/use-load";
import { t } from "../../i18n";
import { Link, navigate } from "../../router";
import { useMe } from "../../session";
import { Loaded, LocationSelect, rememberLocation, StockBadge, useFormat, useLocations } from "./shared";
import "./stock.css";

/** Products at or below their threshold, by location, out of stock first; receiving is one tap away. */
export default function LowStock() {
  const me = useMe();
  const fmt = useFormat();
  const locations = useLocations();
  const [locationId, setLocationId] = useState("");
  const list = useLoad(
    () =>
      lowStock(locationId || undefined).then((r) =>
        [...r.items].sort(
          (a, b) => Number(b.stockState === "out") - Number(a.stockState === "out") || a.name.localeCompare(b.name),
        ),
      ),
    [locationId],
  );
  const canReceive = me.permissions.includes("stock.receive");
  return (
    <div class="stack">
      <Link href="/stock">{t("stock.back")}</Link>
      <h1>{t("stock.low.title")}</h1>
      <p class="lead">{t("stock.low.intro")}</p>
      {locations && locations.length > 1 && (
        <LocationSelect
          id="f-location"
          label={t("stock.location")}
          allLabel={t("stock.location.all")}
          value={locationId}
          locations={locations}
          onChange={setLocationId}
        />
      )}
      <Loaded state={list}>
        {(items) =>
          items.length === 0 ? (
            <p class="empty">{t("stock.low.empty")}</p>
          ) : (
            <ul class="rows">
              {items.map((i) => (
                <li key={`${i.productId}|${i.locationId}`} class="row">
                  <span class="row-main">
                    <Link class="row-title" href={`/stock/${i.productId}`}>
                      {i.name}
                    </Link>
                    {(locations?.length ?? 0) > 1 && <span class="row-sub">{i.locationName}</span>}
                    <span class="row-sub">
                      {t("stock.low.row", { qty: fmt.qty(i.quantity, i.unit), threshold: fmt.number(i.threshold) })}
                    </span>
                  </span>
                  <span class="row-side">
                    <StockBadge state={i.stockState} />
                    {canReceive && (
                      <a
                        class="btn btn-secondary"
                        href={`/stock/${i.productId}/receive`}
                        onClick={(e) => {
                          // The receive form opens on this row's location.
                          e.preventDefault();
                          rememberLocation(i.locationId);
                          navigate(e.currentTarget.getAttribute("href") ?? "/stock");
                        }}
                      >
                        {t("stock.action.receive")}
                        <span class="sr-only"> {i.name}</span>
                      </a>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </div>
  );
}
