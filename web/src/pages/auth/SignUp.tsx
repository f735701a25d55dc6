import type { SignupResponse } from "@duka/contracts";
import { useState } from "preact/hooks";
import { signUp } from "../../api/auth";
import { Button } from "../../components/Button";
import { CountryFields, type Place } from "../../components/CountryFields";
import { Field } from "../../components/Field";
import { Notice } from "../../components/Notice";
import { PasswordField } from "../../components/PasswordField";
import { currentLocale, t } from "../../i18n";
import { countryOf, proposedCountry, timeZoneList } from "../../lib/countries";
import { errorMessage } from "../../lib/errors";
import { formValues, useAction } from "../../lib/use-action";
import { Link } from "../../router";
import { signedIn } from "../../session";
import { AuthLayout } from "./AuthLayout";
import { RecoveryCode } from "./RecoveryCode";

/** Offered first; any other ISO code can be typed. East African shops first, then common neighbours. */
const CURRENCIES = ["KES", "UGX", "TZS", "RWF", "ETB", "NGN", "GHS", "ZAR", "XOF", "XAF", "USD", "EUR"];

/** What this phone suggests: its country (from its time zone and language), that country's currency, its own clock. */
function proposal() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  const country = proposedCountry(zone, navigator.languages);
  const known = timeZoneList().includes(zone);
  const place = countryOf(country);
  return {
    country,
    timeZone: known ? zone : (place?.timeZone ?? "Africa/Nairobi"),
    currency: place?.currency ?? "KES",
  };
}

export default function SignUp() {
  // The new owner sees the recovery code once, before the shop opens.
  const [made, setMade] = useState<SignupResponse>();
  const [start] = useState(proposal);
  const [place, setPlace] = useState<Place>({ country: start.country, timeZone: start.timeZone });
  const [currency, setCurrency] = useState(start.currency);
  const action = useAction(async (v: Record<string, string>) => {
    const me = await signUp({
      businessName: v.businessName ?? "",
      currency: v.currency ?? "",
      timeZone: v.timeZone ?? "",
      country: v.country || undefined,
      locationName: v.locationName ?? "",
      ...(v.locationAddress ? { locationAddress: v.locationAddress } : {}),
      ownerName: v.ownerName ?? "",
      login: v.login ?? "",
      password: v.password ?? "",
      locale: currentLocale(),
    });
    setMade(me);
  });
  const errors = action.fieldErrors;

  if (made) {
    const { recoveryCode, ...me } = made;
    return (
      <AuthLayout title={t("auth.recovery.title")} intro={t("auth.recovery.intro")}>
        <RecoveryCode code={recoveryCode} />
        <div class="stack no-print">
          <Button onClick={() => void signedIn(me)}>{t("auth.recovery.done")}</Button>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t("auth.signUp.title")} intro={t("auth.signUp.intro")}>
      {action.error !== null && <Notice kind="error">{errorMessage(action.error)}</Notice>}
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(formValues(e.currentTarget));
        }}
      >
        <fieldset class="stack">
          <legend>{t("auth.signUp.business")}</legend>
          <Field
            name="businessName"
            label={t("field.businessName")}
            errors={errors.businessName}
            autocomplete="organization"
            required
          />
          <CountryFields
            value={place}
            errors={errors}
            onChange={(next) => {
              if (next.country !== place.country) setCurrency(countryOf(next.country)?.currency ?? currency);
              setPlace(next);
            }}
          />
          <Field
            name="currency"
            label={t("field.currency")}
            hint={t("field.currency.hint")}
            errors={errors.currency}
            list="currencies"
            value={currency}
            onInput={(e) => setCurrency(e.currentTarget.value)}
            autocapitalize="characters"
            autocomplete="off"
            maxLength={3}
            required
          />
          <datalist id="currencies">
            {CURRENCIES.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <Field
            name="locationName"
            label={t("field.locationName")}
            hint={t("field.locationName.hint")}
            errors={errors.locationName}
            required
          />
          <Field
            name="locationAddress"
            label={t("field.locationAddress")}
            hint={t("field.locationAddress.hint")}
            errors={errors.locationAddress}
            autocomplete="street-address"
          />
        </fieldset>
        <fieldset class="stack">
          <legend>{t("auth.signUp.you")}</legend>
          <Field name="ownerName" label={t("field.ownerName")} errors={errors.ownerName} autocomplete="name" required />
          <Field
            name="login"
            label={t("field.login")}
            errors={errors.login}
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            required
          />
          <PasswordField
            name="password"
            label={t("field.password")}
            hint={t("field.password.hint")}
            errors={errors.password}
            autocomplete="new-password"
            minLength={8}
            required
          />
        </fieldset>
        <Button type="submit" busy={action.busy} busyLabel={t("auth.signUp.busy")}>
          {t("auth.signUp.submit")}
        </Button>
      </form>
      <p class="switch">
        {t("auth.signUp.haveAccount")} <Link href="/signin">{t("auth.signUp.toSignIn")}</Link>
      </p>
    </AuthLayout>
  );
}
