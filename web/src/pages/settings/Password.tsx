import { useState } from "preact/hooks";
import { changeOwnPassword } from "../../api/admin";
import { Button } from "../../components/Button";
import { Notice } from "../../components/Notice";
import { PasswordField } from "../../components/PasswordField";
import { t } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formValues, useAction } from "../../lib/use-action";
import { Screen } from "./parts";

/** Anyone changes their own password; their other phones are signed out, this one stays in. */
export default function Password() {
  const [done, setDone] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const action = useAction(async (v: Record<string, string>) => {
    setDone(false);
    await changeOwnPassword({ currentPassword: v.currentPassword ?? "", newPassword: v.newPassword ?? "" });
    setDone(true);
    setFormKey((k) => k + 1); // empty the form: passwords should not linger on screen
  });
  const errors = action.fieldErrors;
  return (
    <Screen title={t("admin.password.title")} permission="session">
      {done && <Notice kind="success">{t("admin.password.done")}</Notice>}
      <form
        key={formKey}
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(formValues(e.currentTarget));
        }}
      >
        <PasswordField
          name="currentPassword"
          label={t("admin.password.current")}
          errors={errors.currentPassword}
          autocomplete="current-password"
          required
        />
        <PasswordField
          name="newPassword"
          label={t("admin.password.new")}
          hint={t("field.password.hint")}
          errors={errors.newPassword ?? errors.password}
          autocomplete="new-password"
          minLength={8}
          required
        />
        <p class="hint">{t("admin.password.note")}</p>
        {action.error !== null && <Notice kind="error">{errorMessage(action.error)}</Notice>}
        <Button type="submit" busy={action.busy} busyLabel={t("admin.saving")}>
          {t("admin.password.submit")}
        </Button>
      </form>
    </Screen>
  );
}
