import type { ComponentChildren } from "preact";
import { Button } from "../../components/Button";
import { forgetWithSession } from "../../data/cache";
import { useActiveLocations } from "../../data/hooks";
import type { LoadState } from "../../data/use-load";
import { unitWord } from "../../lib/units";

export { LocationSelect } from "../../components/LocationSelect";

import { Notice } from "../../components/Notice";
import { Spinner } from "../../components/Spinner";
import { hasMessage, type MessageKey, t, useLocale } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formatterFor } from "../../lib/format";
import { useMe } from "../../session";

/** Units offered in the product form; any other unit a product already has is kept as typed. */
export const UNITS = ["piece", "kg", "g", "litre", "ml", "metre", "pack", "box", "dozen", "bag", "bottle"];

/** A word from the catalogue for a server value ("kg", "damaged"), or the value itself if we have none. */
export const word = (prefix: string, value: string) => {
  const key = `${prefix}.${value}`;
  return hasMessage(key) ? t(key) : value;
};

/** Formatters for this business plus quantities with their unit: "2.5 kg". */
export function useFormat() {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  return { ...fmt, qty: (value: number, unit: string) => `${fmt.number(value)} ${unitWord(unit, value)}` };
}

const STATE_KEYS: Record<string, MessageKey> = {
  in: "stock.state.in",
  low: "stock.state.low",
  out: "stock.state.out",
  uncounted: "stock.state.uncounted",
};

/** The stock state in words and colour: colour alone would not do. */
export function StockBadge({ state }: { state: string }) {
  return <span class={`stock-badge stock-${state}`}>{t(STATE_KEYS[state] ?? "stock.state.in")}</span>;
}

/** The loading and failure states every screen shares; renders children once there is data. */
export function Loaded<T>({ state, children }: { state: LoadState<T>; children: (data: T) => ComponentChildren }) {
  if (state.data !== undefined) return <>{children(state.data)}</>;
  if (state.error !== undefined) {
    return (
      <div class="stack">
        <Notice kind="error">{errorMessage(state.error)}</Notice>
        <Button variant="secondary" onClick={state.reload}>
          {t("app.retry")}
        </Button>
      </div>
    );
  }
  return <Spinner label={t("app.loading")} />;
}

/** The business's open locations, for the stock screens' pickers. */
export const useLocations = () => useActiveLocations();

/** The location a screen starts on: the one last chosen on this phone, else the user's own, else the first. */
let lastLocation: string | undefined;
forgetWithSession(() => {
  lastLocation = undefined;
});
export function preferredLocation(locations: { id: string }[], userLocation: string | null): string {
  const ids = locations.map((l) => l.id);
  return [lastLocation, userLocation].find((id) => id && ids.includes(id)) ?? ids[0] ?? "";
}
export const rememberLocation = (id: string) => {
  lastLocation = id;
};
