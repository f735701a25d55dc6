import { logIn } from "../../api/auth";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Notice } from "../../components/Notice";
import { PasswordField } from "../../components/PasswordField";
import { t } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formValues, useAction } from "../../lib/use-action";
import { Link } from "../../router";
import { signedIn } from "../../session";
import { AuthLayout } from "./AuthLayout";

export default function SignIn({ justSignedOut = false }: { justSignedOut?: boolean | undefined }) {
  const action = useAction(async (values: Record<string, string>) => {
    await signedIn(await logIn({ login: values.login ?? "", password: values.password ?? "" }));
  });
  const errors = action.fieldErrors;

  return (
    <AuthLayout title={t("auth.signIn.title")} intro={t("auth.signIn.intro")}>
      {justSignedOut && !action.error && <Notice kind="success">{t("auth.signedOut")}</Notice>}
      {action.error !== null && <Notice kind="error">{errorMessage(action.error)}</Notice>}
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(formValues(e.currentTarget));
        }}
      >
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
          errors={errors.password}
          autocomplete="current-password"
          required
        />
        <Button type="submit" busy={action.busy} busyLabel={t("auth.signIn.busy")}>
          {t("auth.signIn.submit")}
        </Button>
      </form>
      <p class="switch">
        {t("auth.signIn.noAccount")} <Link href="/signup">{t("auth.signIn.toSignUp")}</Link>
      </p>
    </AuthLayout>
  );
}
