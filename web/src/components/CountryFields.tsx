import { t, useLocale } from "../i18n";
import { countryOf, countryOptions, timeZoneList } from "../lib/countries";

export interface Place {
  country: string;
  timeZone: string;
}

/**
 * A country picker and a time-zone picker (never free text). Choosing a country proposes its time
 * zone; `onCountry` lets the caller propose its currency too.
 */
export function CountryFields({
  value,
  onChange,
  errors,
}: {
  value: Place;
  onChange: (next: Place) => void;
  errors: Record<string, string[] | undefined>;
}) {
  const locale = useLocale();
  const zones = timeZoneList(value.timeZone);
  const invalid = (name: string) => (errors[name]?.length ? true : undefined);
  return (
    <>
      <div class={`field${invalid("country") ? " field-invalid" : ""}`}>
        <label for="f-country">{t("field.country")}</label>
        <select
          id="f-country"
          name="country"
          value={value.country}
          aria-describedby="f-country-hint"
          aria-invalid={invalid("country")}
          onChange={(e) => {
            const country = e.currentTarget.value;
            onChange({ country, timeZone: countryOf(country)?.timeZone ?? value.timeZone });
          }}
        >
          {!countryOf(value.country) && <option value={value.country}>{value.country || "—"}</option>}
          {countryOptions(locale).map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <p class="hint" id="f-country-hint">
          {t("field.country.hint")}
        </p>
      </div>
      <div class={`field${invalid("timeZone") ? " field-invalid" : ""}`}>
        <label for="f-timeZone">{t("field.timeZone")}</label>
        <select
          id="f-timeZone"
          name="timeZone"
          value={value.timeZone}
          aria-describedby="f-timeZone-hint"
          aria-invalid={invalid("timeZone")}
          onChange={(e) => onChange({ ...value, timeZone: e.currentTarget.value })}
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, " ")}
            </option>
          ))}
        </select>
        <p class="hint" id="f-timeZone-hint">
          {t("field.timeZone.hint")}
        </p>
      </div>
    </>
  );
}
