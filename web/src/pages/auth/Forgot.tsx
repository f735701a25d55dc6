import { useEffect, useState } from "preact/hooks";
import { emailResetLink, recover, recoveryOptions } from "../../api/auth";
import { Field } from "../../components/Field";
import { Notice } from "../../components/Notice";
import { PasswordField } from "../../components/PasswordField";
import { t } from "../../i18n";
import { useAction } from "../../lib/use-action";
import { Link } from "../../router";
import { AuthForm } from "./AuthForm";
import { AuthLayout } from "./AuthLayout";
import { refusalMessage } from "./problem";
import { RecoveryCode } from "./RecoveryCode";

/** "Forgot password": the owner's recovery code, or a link by email where the server can send one. */
export default function Forgot() {
  const [newCode, setNewCode] = useState<string>();
  const [email, setEmail] = useState(false);
  useEffect(() => {
    recoveryOptions().then(
      (o) => setEmail(o.email),
      () => setEmail(false),
    );
  }, []);
  const action = useAction(async (v: Record<string, string>) => {
    const res = await recover({
      login: v.login ?? "",
      recoveryCode: v.recoveryCode ?? "",
      newPassword: v.newPassword ?? "",
    });
    setNewCode(res.recoveryCode);
  });
  const errors = action.fieldErrors;

  if (newCode) return <Recovered code={newCode} />;
  return (
    <AuthLayout title={t("auth.forgot.title")} intro={t("auth.forgot.intro")}>
      <AuthForm
        action={action}
        login={{ name: "login" }}
        refusal={refusalMessage}
        submit={t("auth.forgot.submit")}
        busyLabel={t("auth.forgot.busy")}
      >
        <Field
          name="recoveryCode"
          label={t("auth.recovery.label")}
          errors={errors.recoveryCode}
          autocapitalize="characters"
          autocomplete="off"
          spellcheck={false}
          required
        />
        <PasswordField
          name="newPassword"
          label={t("auth.forgot.newPassword")}
          errors={errors.newPassword ?? errors.password}
          autocomplete="new-password"
          required
        />
      </AuthForm>
      {email && <EmailLink />}
      <p class="switch">
        <Link href="/signin">{t("auth.forgot.toSignIn")}</Link>
      </p>
    </AuthLayout>
  );
}

function EmailLink() {
  const [sent, setSent] = useState(false);
  const action = useAction(async (v: Record<string, string>) => {
    await emailResetLink(v.emailLogin ?? "");
    setSent(true);
  });
  return (
    <AuthForm
      class="stack card"
      aria-labelledby="email-link"
      action={action}
      login={{ name: "emailLogin", type: "email" }}
      variant="secondary"
      submit={t("auth.forgot.email.submit")}
      head={
        <>
          <h2 id="email-link">{t("auth.forgot.email.title")}</h2>
          {sent && <Notice kind="success">{t("auth.forgot.email.sent")}</Notice>}
        </>
      }
    />
  );
}

/** After a recovery: the new code to write down, and the way back to sign-in. */
export function Recovered({ code }: { code: string }) {
  return (
    <AuthLayout title={t("auth.recovery.title")} intro={t("auth.forgot.done")}>
      <RecoveryCode code={code} />
      <Link class="btn btn-primary no-print" href="/signin">
        {t("auth.forgot.toSignIn")}
      </Link>
    </AuthLayout>
  );
}
