import { useRef, useState } from "preact/hooks";
import { listUsers } from "../../api/admin";
import { ApiError } from "../../api/client";
import { type DrawerState, fetchDay, fetchDrawer, saveClose } from "../../api/closes";
import { clientId } from "../../api/customers";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { LocationSelect } from "../../components/LocationSelect";
import { Notice } from "../../components/Notice";
import { Spinner } from "../../components/Spinner";
import { useActiveLocations } from "../../data/hooks";
import { useLoad } from "../../data/use-load";
import { t, useLocale } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formatterFor, moneyInput, parseMoney } from "../../lib/format";
import { useAction } from "../../lib/use-action";
import { Link } from "../../router";
import { useMe } from "../../session";
import { CloseLine, DayShare, differenceText } from "./parts";
import "./close.css";

/**
 * Closing the day: what the drawer should hold from the day's cash, the count, and the difference.
 * Staff count their own drawer; the owner may pick anyone's, at any location, and share the day.
 */
export default function CloseDay() {
  const me = useMe();
  const anyone = me.permissions.includes("drawers.close.any");
  const [userId, setUserId] = useState(me.user.id);
  const [locationId, setLocationId] = useState("");
  const locations = useActiveLocations(anyone) ?? [];
  const people = useLoad(() => (anyone ? listUsers() : Promise.resolve([])), [anyone]);
  const drawer = useLoad(
    () => fetchDrawer({ ...(userId !== me.user.id ? { userId } : {}), ...(locationId ? { locationId } : {}) }),
    [userId, locationId],
  );
  const day = useLoad(
    () => (me.permissions.includes("reports.read") ? fetchDay() : Promise.resolve(undefined)),
    [drawer.data?.close?.id],
  );
  const active = (people.data ?? []).filter((u) => u.active);

  return (
    <div class="stack">
      <h1>{t("close.title")}</h1>
      <p class="lead">{t("close.intro")}</p>
      {anyone && active.length > 1 ? (
        <div class="field">
          <label for="close-user">{t("close.whose")}</label>
          <select id="close-user" value={userId} onChange={(e) => setUserId(e.currentTarget.value)}>
            {active.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {anyone && locations.length > 1 ? (
        <LocationSelect
          id="close-location"
          label={t("close.where")}
          value={locationId || (drawer.data?.locationId ?? "")}
          locations={locations}
          onChange={setLocationId}
        />
      ) : null}
      {drawer.error ? <Notice kind="error">{errorMessage(drawer.error) || t("close.loadFailed")}</Notice> : null}
      {drawer.loading && !drawer.data ? <Spinner label={t("app.loading")} /> : null}
      {drawer.data ? (
        <Drawer
          key={`${drawer.data.userId}/${drawer.data.locationId}`}
          state={drawer.data}
          onSaved={drawer.set}
          onStale={drawer.reload}
        />
      ) : null}
      {day.data ? <DayShare day={day.data} /> : null}
      {me.permissions.includes("reports.read") ? (
        <Link class="sell-link" href="/reports">
          {t("close.list.title")}
        </Link>
      ) : null}
    </div>
  );
}

function Drawer(props: { state: DrawerState; onSaved: (s: DrawerState) => void; onStale: () => void }) {
  const { state, onSaved } = props;
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const currency = me.business.currency;
  const [recounting, setRecounting] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const close = state.close;
  return (
    <>
      {done ? <Notice kind="success">{done}</Notice> : null}
      <section class="card stack" aria-labelledby="close-expected-h">
        <h2 id="close-expected-h">{t("close.expected.title")}</h2>
        <p class="hint">
          {state.userName} · {state.locationName} · {fmt.day(state.date, "long")}
        </p>
        <dl class="close-figures">
          <dt>{t("close.cashSales")}</dt>
          <dd>{fmt.money(state.cashSales)}</dd>
          <dt>{t("close.cashRefunds")}</dt>
          <dd>−{fmt.money(state.cashRefunds)}</dd>
          <dt>{t("close.repayments")}</dt>
          <dd>{fmt.money(state.repayments)}</dd>
          <dt class="close-total">{t("close.cashExpected")}</dt>
          <dd class="close-total">{fmt.money(state.cashExpected)}</dd>
        </dl>
      </section>
      {close ? (
        <section class="card stack" aria-label={t("close.list.title")}>
          <CloseLine close={close} money={fmt.money} time={(at) => fmt.date(at, "time")} />
          {recounting ? null : (
            <button type="button" class="btn btn-secondary" onClick={() => setRecounting(true)}>
              {t("close.recount")}
            </button>
          )}
        </section>
      ) : null}
      {!close || recounting ? (
        <CountForm
          state={state}
          currency={currency}
          money={fmt.money}
          onStale={props.onStale}
          onSaved={(saved) => {
            setRecounting(false);
            setDone(
              t("close.done", {
                counted: fmt.money(saved.counted),
                difference: differenceText(saved.difference, fmt.money),
              }),
            );
            onSaved({ ...state, close: saved });
            // The form is gone: bring what happened into view.
            scrollTo(0, 0);
          }}
        />
      ) : null}
    </>
  );
}

function CountForm(props: {
  state: DrawerState;
  currency: string;
  money: (minor: number) => string;
  onSaved: (close: NonNullable<DrawerState["close"]>) => void;
  /** Another phone counted this drawer meanwhile: show its count instead. */
  onStale: () => void;
}) {
  const { state, currency, money } = props;
  const [float, setFloat] = useState(state.close ? moneyInput(state.close.openingFloat, currency) : "");
  const [counted, setCounted] = useState("");
  const [note, setNote] = useState("");
  const [invalid, setInvalid] = useState<"float" | "counted" | null>(null);
  // Made once per count and kept until the server answers: a retry after a lost answer finds the first.
  const id = useRef(clientId());
  const floatMinor = float.trim() ? parseMoney(float, currency) : 0;
  const countedMinor = counted.trim() ? parseMoney(counted, currency) : undefined;
  const expected = (floatMinor ?? 0) + state.cashExpected;

  const save = useAction(async (body: { openingFloat: number; counted: number }) => {
    try {
      const saved = await saveClose({
        id: id.current,
        date: state.date,
        locationId: state.locationId,
        userId: state.userId,
        ...body,
        note: note.trim() || null,
        ...(state.close ? { replaces: state.close.id } : {}),
      });
      id.current = clientId();
      props.onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.status >= 400 && err.status < 500) id.current = clientId();
      if (err instanceof ApiError && err.code === "already_closed") props.onStale();
      throw err;
    }
  });

  const submit = () => {
    if (floatMinor === undefined) return setInvalid("float");
    if (countedMinor === undefined) return setInvalid("counted");
    setInvalid(null);
    void save.run({ openingFloat: floatMinor, counted: countedMinor });
  };
  const errors = save.fieldErrors;
  return (
    <form
      class="card stack"
      noValidate
      aria-labelledby="close-count-h"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 id="close-count-h">{t(state.close ? "close.recount" : "close.title")}</h2>
      {state.close ? <p class="hint">{t("close.recountHint")}</p> : null}
      <Field
        name="openingFloat"
        label={t("close.float", { currency })}
        hint={t("close.floatHint")}
        value={float}
        onInput={(e) => setFloat(e.currentTarget.value)}
        errors={invalid === "float" ? [t("close.countedInvalid")] : errors.openingFloat}
        inputMode="decimal"
        autocomplete="off"
      />
      <p class="close-expected">{t("close.expectedTotal", { amount: money(expected) })}</p>
      <Field
        name="counted"
        label={t("close.counted", { currency })}
        value={counted}
        onInput={(e) => setCounted(e.currentTarget.value)}
        errors={invalid === "counted" ? [t("close.countedInvalid")] : errors.counted}
        inputMode="decimal"
        autocomplete="off"
        required
      />
      {countedMinor !== undefined ? (
        <p class="close-diff" aria-live="polite">
          {differenceText(countedMinor - expected, money)}
        </p>
      ) : null}
      <Field
        name="note"
        label={t("close.note")}
        value={note}
        onInput={(e) => setNote(e.currentTarget.value)}
        errors={errors.note}
        maxLength={300}
        autocomplete="off"
      />
      {save.error && !Object.keys(errors).length ? <Notice kind="error">{errorMessage(save.error)}</Notice> : null}
      <Button type="submit" busy={save.busy} busyLabel={t("close.busy")}>
        {t(state.close ? "close.submitAgain" : "close.submit")}
      </Button>
    </form>
  );
}
