import { useState } from "preact/hooks";
import { resetByLink } from "../../api/auth";
import { PasswordField } from "../../components/PasswordField";
import { t } from "../../i18n";
import { useAction } from "../../lib/use-action";
import { Link } from "../../router";
import { AuthForm } from "./AuthForm";
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
      <AuthForm action={action} submit={t("auth.forgot.submit")} busyLabel={t("auth.forgot.busy")}>
        <PasswordField
          name="newPassword"
          label={t("auth.forgot.newPassword")}
          errors={action.fieldErrors.newPassword}
          autocomplete="new-password"
          required
        />
      </AuthForm>
      <p class="switch">
        <Link href="/forgot">{t("auth.forgot.link")}</Link>
      </p>
    </AuthLayout>
  );
}
