import { useState } from "preact/hooks";
import { logIn } from "../../api/auth";
import { ApiError } from "../../api/client";
import { Field } from "../../components/Field";
import { Notice } from "../../components/Notice";
import { PasswordField } from "../../components/PasswordField";
import { t } from "../../i18n";
import { rememberedShopCode } from "../../lib/shop-code";
import { useAction } from "../../lib/use-action";
import { Link } from "../../router";
import { signedIn } from "../../session";
import { AuthForm } from "./AuthForm";
import { AuthLayout } from "./AuthLayout";
import { refusalMessage } from "./problem";

export default function SignIn({ justSignedOut = false }: { justSignedOut?: boolean | undefined }) {
  // The shop this phone signs in to; its field shows only when there is none yet and the server asks.
  const [remembered, setRemembered] = useState(rememberedShopCode);
  const [askCode, setAskCode] = useState(false);
  const action = useAction(async (values: Record<string, string>) => {
    const shopCode = (askCode ? values.shopCode : remembered)?.trim() || undefined;
    try {
      await signedIn(await logIn({ login: values.login ?? "", password: values.password ?? "", shopCode }));
    } catch (err) {
      if (err instanceof ApiError && err.code === "shop_code_required") setAskCode(true);
      throw err;
    }
  });
  const errors = action.fieldErrors;

  return (
    <AuthLayout title={t("auth.signIn.title")} intro={t("auth.signIn.intro")}>
      {justSignedOut && !action.error && <Notice kind="success">{t("auth.signedOut")}</Notice>}
      <AuthForm
        action={action}
        login={{ name: "login" }}
        refusal={refusalMessage}
        submit={t("auth.signIn.submit")}
        busyLabel={t("auth.signIn.busy")}
      >
        <PasswordField
          name="password"
          label={t("field.password")}
          errors={errors.password}
          autocomplete="current-password"
          required
        />
        {askCode && (
          <Field
            name="shopCode"
            label={t("auth.shopCode")}
            hint={t("auth.shopCode.hint")}
            errors={errors.shopCode}
            autocapitalize="characters"
            autocomplete="off"
            spellcheck={false}
            maxLength={6}
            required
          />
        )}
      </AuthForm>
      {remembered && !askCode && (
        <p class="hint">
          {t("auth.shopCode.remembered", { code: remembered })}{" "}
          <button
            type="button"
            class="link-button"
            onClick={() => {
              setRemembered(undefined);
              setAskCode(true);
            }}
          >
            {t("auth.shopCode.change")}
          </button>
        </p>
      )}
      <p class="switch">
        <Link href="/forgot">{t("auth.forgot.link")}</Link>
      </p>
      <p class="switch">
        {t("auth.signIn.noAccount")} <Link href="/signup">{t("auth.signIn.toSignUp")}</Link>
      </p>
    </AuthLayout>
  );
}
