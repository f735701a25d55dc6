import { createUser } from "../../api/admin";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Notice } from "../../components/Notice";
import { PasswordField } from "../../components/PasswordField";
import { useLocationList } from "../../data/hooks";
import { t } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formValues, useAction } from "../../lib/use-action";
import { navigate } from "../../router";
import { flash, LoadState, Screen } from "./parts";
import { LocationField, RoleField } from "./staff-fields";

/** Adds a person who can sign in: staff by default, since most people added are. */
export default function StaffNew() {
  return (
    <Screen
      title={t("admin.staff.new.title")}
      permission="users.manage"
      back="/more/staff"
      backLabel={t("admin.back.staff")}
    >
      <NewPersonForm />
    </Screen>
  );
}

function NewPersonForm() {
  const locations = useLocationList();
  const action = useAction(async (v: Record<string, string>) => {
    const user = await createUser({
      name: v.name ?? "",
      login: v.login ?? "",
      password: v.password ?? "",
      role: v.role === "owner" ? "owner" : "staff",
      ...(v.locationId ? { locationId: v.locationId } : {}),
    });
    flash(t("admin.staff.added", { name: user.name, login: user.login }));
    navigate("/more/staff");
  });
  if (!locations.data) return <LoadState error={locations.error} retry={locations.reload} />;
  const errors = action.fieldErrors;
  return (
    <form
      class="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(formValues(e.currentTarget));
      }}
    >
      <Field name="name" label={t("admin.staff.name")} errors={errors.name} autocomplete="off" required />
      <Field
        name="login"
        label={t("field.login")}
        hint={t("admin.staff.login.hint")}
        errors={errors.login}
        autocomplete="off"
        autocapitalize="none"
        spellcheck={false}
        required
      />
      <PasswordField
        name="password"
        label={t("admin.staff.password")}
        hint={t("admin.staff.password.hint")}
        errors={errors.password}
        autocomplete="new-password"
        minLength={8}
        required
      />
      <RoleField value="staff" errors={errors.role} />
      <LocationField locations={locations.data.items} value={null} errors={errors.locationId} />
      {action.error !== null && <Notice kind="error">{errorMessage(action.error)}</Notice>}
      <Button type="submit" busy={action.busy} busyLabel={t("admin.staff.adding")}>
        {t("admin.staff.add")}
      </Button>
    </form>
  );
}
