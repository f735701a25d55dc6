import { useRef, useState } from "preact/hooks";
import { listUsers, resetPassword, type UserItem, updateUser } from "../../api/admin";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Notice } from "../../components/Notice";
import { PasswordField } from "../../components/PasswordField";
import { useLocationList } from "../../data/hooks";
import { useLoad } from "../../data/use-load";
import { t } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formValues, useAction } from "../../lib/use-action";
import { Link, type ScreenProps } from "../../router";
import { useMe } from "../../session";
import { Badge, Confirm, LoadState, Screen } from "./parts";
import { LocationField, RoleField } from "./staff-fields";

/** One person: their name, role and location, a new password, and switching the account off or on. */
export default function StaffPerson({ params }: ScreenProps) {
  return (
    <Screen
      title={t("admin.person.title")}
      permission="users.manage"
      back="/more/staff"
      backLabel={t("admin.back.staff")}
    >
      <Person id={params.id ?? ""} />
    </Screen>
  );
}

function Person({ id }: { id: string }) {
  const people = useLoad(listUsers);
  const places = useLocationList();
  const users = people.data;
  const locations = places.data?.items;
  if (!users || !locations) return <LoadState error={people.error ?? places.error} retry={people.reload} />;
  const user = users.find((u) => u.id === id);
  if (!user) return <Notice kind="error">{t("admin.person.notFound")}</Notice>;
  const replace = (next: UserItem) => people.set(users.map((u) => (u.id === next.id ? next : u)));
  return (
    <>
      <p class="person-head">
        <strong>{user.name}</strong>
        <Badge on={user.active} onLabel={t("admin.active")} offLabel={t("admin.inactive")} />
      </p>
      <p class="hint">{t("admin.staff.loginIs", { login: user.login })}</p>
      <Details key={`${user.id}-d`} user={user} locations={locations} onSaved={replace} />
      <NewPassword key={`${user.id}-p`} user={user} />
      <Status key={`${user.id}-s`} user={user} onSaved={replace} />
    </>
  );
}

function Details({
  user,
  locations,
  onSaved,
}: {
  user: UserItem;
  locations: Parameters<typeof LocationField>[0]["locations"];
  onSaved: (u: UserItem) => void;
}) {
  const [saved, setSaved] = useState(false);
  const action = useAction(async (v: Record<string, string>) => {
    setSaved(false);
    const next = await updateUser(user.id, {
      name: v.name ?? "",
      role: v.role === "owner" ? "owner" : "staff",
      locationId: v.locationId || null,
    });
    onSaved(next);
    setSaved(true);
  });
  const errors = action.fieldErrors;
  return (
    <section class="card stack" aria-labelledby="person-details">
      <h2 id="person-details">{t("admin.person.details")}</h2>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(formValues(e.currentTarget));
        }}
      >
        <Field name="name" label={t("admin.staff.name")} errors={errors.name} defaultValue={user.name} required />
        <RoleField value={user.role} errors={errors.role} />
        <LocationField locations={locations} value={user.locationId} errors={errors.locationId} />
        {action.error !== null && <Notice kind="error">{errorMessage(action.error)}</Notice>}
        {saved && <Notice kind="success">{t("admin.saved")}</Notice>}
        <Button type="submit" busy={action.busy} busyLabel={t("admin.saving")}>
          {t("admin.save")}
        </Button>
      </form>
    </section>
  );
}

function NewPassword({ user }: { user: UserItem }) {
  const me = useMe();
  const [asking, setAsking] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const [done, setDone] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const action = useAction(async (password: string) => {
    await resetPassword(user.id, password);
    setAsking(false);
    setDone(true);
    setFormKey((k) => k + 1);
  });
  if (user.id === me.user.id) {
    return (
      <section class="card stack" aria-labelledby="person-password">
        <h2 id="person-password">{t("admin.person.password")}</h2>
        <Link class="btn btn-secondary" href="/more/password">
          {t("admin.password.title")}
        </Link>
      </section>
    );
  }
  return (
    <section class="card stack" aria-labelledby="person-password">
      <h2 id="person-password">{t("admin.person.password")}</h2>
      <p class="hint">{t("admin.person.password.intro", { name: user.name })}</p>
      <form
        key={formKey}
        ref={form}
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          setDone(false);
          setAsking(true);
        }}
      >
        <PasswordField
          name="password"
          label={t("admin.person.newPassword")}
          hint={t("field.password.hint")}
          errors={action.fieldErrors.password}
          autocomplete="new-password"
          minLength={8}
          required
        />
        {action.error !== null && <Notice kind="error">{errorMessage(action.error)}</Notice>}
        {done && <Notice kind="success">{t("admin.person.password.done", { name: user.name })}</Notice>}
        {!asking ? (
          <Button type="submit">{t("admin.person.password.set")}</Button>
        ) : (
          <Confirm
            message={t("admin.person.password.confirm", { name: user.name })}
            confirmLabel={t("admin.person.password.yes")}
            busyLabel={t("admin.saving")}
            busy={action.busy}
            onConfirm={() => form.current && void action.run(formValues(form.current).password ?? "")}
            onCancel={() => setAsking(false)}
          />
        )}
      </form>
    </section>
  );
}

function Status({ user, onSaved }: { user: UserItem; onSaved: (u: UserItem) => void }) {
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const action = useAction(async (active: boolean) => {
    const next = await updateUser(user.id, { active });
    setAsking(false);
    setMessage(t(active ? "admin.person.reactivated" : "admin.person.deactivated", { name: next.name }));
    onSaved(next);
  });
  const active = user.active;
  return (
    <section class="card stack" aria-labelledby="person-status">
      <h2 id="person-status">{t("admin.person.status")}</h2>
      <p>{t(active ? "admin.person.status.active" : "admin.person.status.inactive", { name: user.name })}</p>
      {message && <Notice kind="success">{message}</Notice>}
      {action.error !== null && <Notice kind="error">{errorMessage(action.error)}</Notice>}
      {asking ? (
        <Confirm
          message={t(active ? "admin.person.deactivate.confirm" : "admin.person.reactivate.confirm", {
            name: user.name,
          })}
          confirmLabel={t(active ? "admin.person.deactivate.yes" : "admin.person.reactivate.yes")}
          busyLabel={t("admin.saving")}
          busy={action.busy}
          danger={active}
          onConfirm={() => void action.run(!active)}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <Button
          variant={active ? "danger" : "secondary"}
          onClick={() => {
            setMessage(null);
            setAsking(true);
          }}
        >
          {t(active ? "admin.person.deactivate" : "admin.person.reactivate")}
        </Button>
      )}
    </section>
  );
}
