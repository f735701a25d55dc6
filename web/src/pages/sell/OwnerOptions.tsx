import { useEffect, useState } from "preact/hooks";
import { LocationSelect } from "../../components/LocationSelect";
import { useActiveLocations } from "../../data/hooks";
import { t } from "../../i18n";
import { localInputValue, zonedToInstant } from "../../lib/dates";
import { useMe } from "../../session";

/** A typed earlier time checked against now, on the business's clock. */
export function earlierInstant(value: string, timeZone: string, now = new Date()) {
  if (!value) return { at: undefined, problem: undefined };
  const at = zonedToInstant(value, timeZone);
  if (!at) return { at: undefined, problem: t("sell.when.invalid") };
  if (at.getTime() > now.getTime()) return { at: undefined, problem: t("sell.when.future") };
  return { at, problem: undefined };
}

interface Props {
  rules: { backdate: boolean; chooseLocation: boolean };
  locationId: string;
  onLocation: (id: string) => void;
  occurredAt: string;
  onOccurredAt: (value: string) => void;
}

/**
 * The owner's extras on the payment sheet: which shop the sale is from (when there is more than
 * one) and, behind a button, an earlier date for a sale copied from paper records.
 */
export function OwnerOptions({ rules, locationId, onLocation, occurredAt, onOccurredAt }: Props) {
  const me = useMe();
  const timeZone = me.business.timeZone;
  // Without the list the sale goes where it would have: the remembered or the first location.
  const locations = useActiveLocations(rules.chooseLocation) ?? [];
  const [showWhen, setShowWhen] = useState(occurredAt !== "");

  const known = locations.length > 0;
  useEffect(() => {
    // A remembered shop that has since closed is forgotten: the sale goes to the first one.
    if (known && locationId && !locations.some((l) => l.id === locationId)) onLocation("");
  }, [known]);

  const when = earlierInstant(occurredAt, timeZone);
  if (!(rules.chooseLocation && locations.length > 1) && !rules.backdate) return null;
  return (
    <div class="stack pay-owner">
      {rules.chooseLocation && locations.length > 1 && (
        <LocationSelect
          id="pay-location"
          label={t("sell.location")}
          value={locationId || (locations[0]?.id ?? "")}
          locations={locations}
          onChange={onLocation}
        />
      )}
      {rules.backdate && !showWhen && (
        <button type="button" class="btn btn-secondary" onClick={() => setShowWhen(true)}>
          {t("sell.when.open")}
        </button>
      )}
      {rules.backdate && showWhen && (
        <div class={`field${when.problem ? " field-invalid" : ""}`}>
          <label for="pay-when">{t("sell.when.label")}</label>
          <input
            id="pay-when"
            type="datetime-local"
            value={occurredAt}
            max={localInputValue(new Date(), timeZone)}
            aria-invalid={when.problem ? true : undefined}
            aria-describedby={when.problem ? "pay-when-hint pay-when-err" : "pay-when-hint"}
            onInput={(e) => onOccurredAt(e.currentTarget.value)}
          />
          <p class="hint" id="pay-when-hint">
            {t("sell.when.hint")}
          </p>
          {when.problem && (
            <p class="field-error" id="pay-when-err">
              {when.problem}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
