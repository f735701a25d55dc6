import { useState } from "preact/hooks";
import { listCounts, openCount } from "../../api/stock";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Notice } from "../../components/Notice";
import { useLoad } from "../../data/use-load";
import { t } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formValues, useAction } from "../../lib/use-action";
import { Link, navigate } from "../../router";
import { useMe } from "../../session";
import { Loaded, LocationSelect, preferredLocation, useFormat, useLocations } from "./shared";
import "./stock.css";

/** Stocktakes: the ones in progress, and starting a new one at a location. */
export default function Counts() {
  const me = useMe();
  const fmt = useFormat();
  const locations = useLocations() ?? [];
  const [locationId, setLocationId] = useState("");
  const counts = useLoad(() => listCounts().then((r) => r.items), []);
  const start = useAction(async (v: Record<string, string>) => {
    const count = await openCount(locationId || preferredLocation(locations, me.user.locationId), v.note?.trim());
    navigate(`/stock/counts/${count.id}`);
  });
  return (
    <div class="stack">
      <Link href="/stock">{t("stock.back")}</Link>
      <h1>{t("stock.counts.title")}</h1>
      <p class="lead">{t("stock.counts.intro")}</p>
      <section class="stack" aria-labelledby="open-title">
        <h2 id="open-title">{t("stock.counts.open")}</h2>
        <Loaded state={counts}>
          {(items) =>
            items.length === 0 ? (
              <p class="hint">{t("stock.counts.none")}</p>
            ) : (
              <ul class="rows">
                {items.map((c) => (
                  <li key={c.id}>
                    <Link class="row" href={`/stock/counts/${c.id}`}>
                      <span class="row-main">
                        <span class="row-title">{c.locationName}</span>
                        <span class="row-sub">
                          {t("stock.counts.row", { lines: c.lineCount, date: fmt.date(c.createdAt, "dateTime") })}
                        </span>
                        {c.note && <span class="row-sub">{c.note}</span>}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
      <section class="card stack" aria-labelledby="start-title">
        <h2 id="start-title">{t("stock.counts.start")}</h2>
        {start.error !== null && <Notice kind="error">{errorMessage(start.error)}</Notice>}
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void start.run(formValues(e.currentTarget));
          }}
        >
          {locations.length > 1 && (
            <LocationSelect
              id="f-count-location"
              label={t("stock.field.location")}
              value={locationId || preferredLocation(locations, me.user.locationId)}
              locations={locations}
              onChange={setLocationId}
              errors={start.fieldErrors.locationId}
            />
          )}
          <Field
            name="note"
            label={t("stock.field.note")}
            hint={t("stock.field.optional")}
            errors={start.fieldErrors.note}
          />
          <Button
            type="submit"
            busy={start.busy}
            busyLabel={t("stock.counts.starting")}
            disabled={locations.length === 0}
          >
            {t("stock.counts.start")}
          </Button>
        </form>
      </section>
    </div>
  );
}
