import { useState } from "preact/hooks";
import { type BusinessResponse, updateBusiness } from "../../api/admin";
import { Button } from "../../components/Button";
import { CountryFields, type Place } from "../../components/CountryFields";
import { Field } from "../../components/Field";
import { Notice } from "../../components/Notice";
import { put, useData } from "../../data/cache";
import { hasMessage, LANGUAGES, t } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formValues, useAction } from "../../lib/use-action";
import { session, useMe } from "../../session";
import { LoadState, Screen } from "./parts";

type Settings = BusinessResponse["settings"];
type Method = Settings["paymentMethods"][number];

/** The built-in name of a payment method in the reader's language; the raw code for one we do not know. */
export function methodName(method: string): string {
  const key = `admin.pay.${method}`;
  return hasMessage(key) ? t(key) : method;
}

/** The business's name, clock, language and country, and the rules the sell screen follows. */
export default function Business() {
  return (
    <Screen title={t("admin.business.title")} permission="settings.manage">
      <BusinessLoader />
    </Screen>
  );
}

function BusinessLoader() {
  const { data, error, reload } = useData("/business");
  if (!data) return <LoadState error={error} retry={reload} />;
  return <BusinessForm business={data} />;
}

function Check({
  name,
  label,
  hint,
  checked,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label class="choice">
      <input type="checkbox" name={name} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span>
        <strong>{label}</strong>
        {hint && <span class="hint choice-hint">{hint}</span>}
      </span>
    </label>
  );
}

function BusinessForm({ business }: { business: BusinessResponse }) {
  const me = useMe();
  const [settings, setSettings] = useState<Settings>(business.settings);
  const [saved, setSaved] = useState(false);
  const [place, setPlace] = useState<Place>({ country: business.country ?? "", timeZone: business.timeZone });
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    setSaved(false);
    setSettings((s) => ({ ...s, [key]: value }));
  };
  const setMethod = (i: number, change: Partial<Method>) =>
    set(
      "paymentMethods",
      settings.paymentMethods.map((m, j) => (j === i ? { ...m, ...change } : m)),
    );
  const action = useAction(async (v: Record<string, string>) => {
    setSaved(false);
    const next = await updateBusiness({
      name: v.name ?? "",
      timeZone: v.timeZone ?? "",
      locale: v.locale ?? business.locale,
      country: v.country?.trim() || null,
      settings: {
        ...settings,
        maxDiscountPercent: Number(v.maxDiscountPercent ?? settings.maxDiscountPercent),
        // A name left as our built-in one is not stored, so it follows the reader's language.
        paymentMethods: settings.paymentMethods.map((m) => {
          const label = m.label?.trim();
          return { ...m, label: label && label !== methodName(m.method) ? label : undefined };
        }),
      },
    });
    const { id, name, currency, timeZone, locale, country } = next;
    session.set({
      status: "signedIn",
      me: { ...me, business: { ...me.business, id, name, currency, timeZone, locale, country } },
    });
    put("/business", next);
    setSettings(next.settings);
    setSaved(true);
  });
  const errors = action.fieldErrors;
  const settingErrors = (key: string) => errors[`settings.${key}`] ?? errors[key];
  return (
    <form
      class="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(formValues(e.currentTarget));
      }}
    >
      <fieldset class="card stack">
        <legend>{t("admin.business.about")}</legend>
        <Field name="name" label={t("field.businessName")} errors={errors.name} defaultValue={business.name} required />
        <CountryFields value={place} onChange={setPlace} errors={errors} />
        <div class="field">
          <label for="f-locale">{t("admin.business.language")}</label>
          <select id="f-locale" name="locale" defaultValue={business.locale} aria-describedby="f-locale-hint">
            {Object.entries(LANGUAGES).map(([code, lang]) => (
              <option key={code} value={code} lang={code}>
                {lang.name}
              </option>
            ))}
          </select>
          <p class="hint" id="f-locale-hint">
            {t("admin.business.language.hint")}
          </p>
        </div>
        <p class="hint">{t("admin.business.currency", { currency: business.currency })}</p>
      </fieldset>

      <fieldset class="card stack">
        <legend>{t("admin.business.rules")}</legend>
        <Check
          name="allowNegativeStock"
          label={t("admin.rules.negativeStock")}
          hint={t("admin.rules.negativeStock.hint")}
          checked={settings.allowNegativeStock}
          onChange={(on) => set("allowNegativeStock", on)}
        />
        <Check
          name="staffMayDiscount"
          label={t("admin.rules.discount")}
          checked={settings.staffMayDiscount}
          onChange={(on) => set("staffMayDiscount", on)}
        />
        {settings.staffMayDiscount && (
          <Field
            name="maxDiscountPercent"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            label={t("admin.rules.maxDiscount")}
            hint={t("admin.rules.maxDiscount.hint")}
            errors={settingErrors("maxDiscountPercent")}
            defaultValue={String(settings.maxDiscountPercent)}
            required
          />
        )}
        <Check
          name="staffMayChangePrice"
          label={t("admin.rules.changePrice")}
          checked={settings.staffMayChangePrice}
          onChange={(on) => set("staffMayChangePrice", on)}
        />
        <Check
          name="allowCreditOverLimit"
          label={t("admin.rules.creditOverLimit")}
          hint={t("admin.rules.creditOverLimit.hint")}
          checked={settings.allowCreditOverLimit}
          onChange={(on) => set("allowCreditOverLimit", on)}
        />
      </fieldset>

      <fieldset class="card stack">
        <legend>{t("admin.business.payments")}</legend>
        <p class="hint">{t("admin.business.payments.hint")}</p>
        {settings.paymentMethods.map((m, i) => (
          <div key={m.method} class="method stack-sm">
            <Field
              id={`f-pay-${m.method}`}
              name={`pay-${m.method}`}
              label={t("admin.pay.label", { method: methodName(m.method) })}
              value={m.label ?? methodName(m.method)}
              maxLength={40}
              onInput={(e) => setMethod(i, { label: e.currentTarget.value })}
            />
            <Check
              name={`pay-${m.method}-shown`}
              label={t("admin.pay.shown")}
              checked={!m.hidden}
              onChange={(on) => setMethod(i, { hidden: !on })}
            />
          </div>
        ))}
        {settingErrors("paymentMethods")?.length ? (
          <p class="field-error">
            {t("error.field", {
              label: t("admin.business.payments"),
              message: settingErrors("paymentMethods")?.join(" ") ?? "",
            })}
          </p>
        ) : null}
      </fieldset>

      {action.error !== null && <Notice kind="error">{errorMessage(action.error)}</Notice>}
      {saved && <Notice kind="success">{t("admin.saved")}</Notice>}
      <Button type="submit" busy={action.busy} busyLabel={t("admin.saving")}>
        {t("admin.save")}
      </Button>
    </form>
  );
}
