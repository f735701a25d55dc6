import { Button } from "../../components/Button";
import { LanguageSelect } from "../../components/LanguageSelect";
import { Notice } from "../../components/Notice";
import { t } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useAction } from "../../lib/use-action";
import { Link, navigate } from "../../router";
import { signOut, useMe } from "../../session";
import { AdminLinks } from "./AdminLinks";

/** Settings and account: the language of this phone, and signing out. */
export default function More() {
  const me = useMe();
  const out = useAction(async () => {
    await signOut();
    navigate("/signin", true);
  });
  return (
    <div class="stack">
      <h1>{t("more.title")}</h1>
      <section class="card stack">
        <LanguageSelect />
        <p class="hint">{t("more.language.hint")}</p>
      </section>
      <AdminLinks permissions={me.permissions} />
      <section class="card stack" aria-labelledby="more-account">
        <h2 id="more-account">{t("more.account")}</h2>
        <p>{t("more.signedInAs", { name: me.user.name })}</p>
        <Link class="btn btn-secondary" href="/more/password">
          {t("admin.password.title")}
        </Link>
        {out.error !== null && <Notice kind="error">{errorMessage(out.error)}</Notice>}
        <Button variant="secondary" busy={out.busy} busyLabel={t("auth.signOut.busy")} onClick={() => void out.run()}>
          {t("auth.signOut")}
        </Button>
      </section>
    </div>
  );
}
