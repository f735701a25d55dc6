import { useState } from "preact/hooks";
import { resetByLink } from "../../api/auth";
import { Button } from "../../components/Button";
import { Notice } from "../../components/Notice";
import { PasswordField } from "../../components/PasswordField";
import { t } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formValues, useAction } from "../../lib/use-action";
import { Link } from "../../router";
import { AuthLayout } from "./AuthLayout";
import { Recovered } from "./Forgot";

/** The page a reset link opens; the token rides in the fragment, so it never reaches a server log. */
export default function Reset() {
  const [newCode, setNewCode] = useState<string>();
  const action = useAction(async (v: Record<string, string>) => {
    const token = window.location.hash.slice(1);
    setNewCode((await resetByLink({ token, newPassword: v.newPassword ?? "" })).recoveryCode);
  });
  if (newCode) return <Recovered code={newCode} />;
  return (
    <AuthLayout title={t("auth.reset.title")} intro={t("auth.reset.intro")}>
      {action.error !== null && <Notice kind="error">{errorMessage(action.error)}</Notice>}
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(formValues(e.currentTarget));
        }}
      >
        <PasswordField
          name="newPassword"
          label={t("auth.forgot.newPassword")}
          errors={action.fieldErrors.newPassword}
          autocomplete="new-password"
          required
        />
        <Button type="submit" busy={action.busy} busyLabel={t("auth.forgot.busy")}>
          {t("auth.forgot.submit")}
        </Button>
      </form>
      <p class="switch">
        <Link href="/forgot">{t("auth.forgot.link")}</Link>
      </p>
    </AuthLayout>
  );
}
