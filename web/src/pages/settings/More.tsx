import { Button } from "../../components/Button";
import { LanguageSelect } from "../../components/LanguageSelect";
import { Notice } from "../../components/Notice";
import { pending, sendNow, storagePersisted } from "../../data/outbox";
import { t } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useStore } from "../../lib/store";
import { useAction } from "../../lib/use-action";
import { Link, navigate } from "../../router";
import { signOut, useMe } from "../../session";
import { waitingWords } from "../../shell/Pending";
import { AdminLinks } from "./AdminLinks";

/** Settings and account: the language of this phone, and signing out. */
export default function More() {
  const me = useMe();
  const waiting = useStore(pending);
  const kept = useStore(storagePersisted);
  const out = useAction(async () => {
    await signOut();
    navigate("/signin", true);
  });
  const send = useAction(async () => {
    if (!(await sendNow())) throw new Error(t("offline.list.stillOffline"));
  });
  return (
    <div class="stack">
      <h1>{t("more.title")}</h1>
      <section class="card stack">
        <LanguageSelect />
        <p class="hint">{t("more.language.hint")}</p>
      </section>
      {kept === false && <Notice kind="info">{t("offline.storage.denied")}</Notice>}
      <AdminLinks permissions={me.permissions} />
      <section class="card stack" aria-labelledby="more-account">
        <h2 id="more-account">{t("more.account")}</h2>
        <p>{t("more.signedInAs", { name: me.user.name })}</p>
        <Link class="btn btn-secondary" href="/more/password">
          {t("admin.password.title")}
        </Link>
        {out.error !== null && <Notice kind="error">{errorMessage(out.error)}</Notice>}
        {waiting.count > 0 ? (
          // Queued writes are sent only under the session of whoever made them: signing out would strand them.
          <>
            <Notice kind="info">{t("offline.signOut.refused", { what: waitingWords(waiting) })}</Notice>
            {send.error !== null && <Notice kind="info">{errorMessage(send.error)}</Notice>}
            <Button busy={send.busy} busyLabel={t("offline.list.sending")} onClick={() => void send.run()}>
              {t("offline.list.sendNow")}
            </Button>
          </>
        ) : (
          <Button variant="secondary" busy={out.busy} busyLabel={t("auth.signOut.busy")} onClick={() => void out.run()}>
            {t("auth.signOut")}
          </Button>
        )}
      </section>
    </div>
  );
}
