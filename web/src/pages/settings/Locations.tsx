import { useState } from "preact/hooks";
import { createLocation, type LocationItem, updateLocation } from "../../api/admin";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Notice } from "../../components/Notice";
import { savedLocation, useLocationList } from "../../data/hooks";
import { t } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formValues, useAction } from "../../lib/use-action";
import { Badge, LoadState, Screen } from "./parts";

/** The shops and branches of the business: add, rename, close and reopen. */
export default function Locations() {
  return (
    <Screen title={t("admin.locations.title")} permission="locations.manage">
      <LocationList />
    </Screen>
  );
}

function LocationList() {
  const { data: list, error, reload } = useLocationList();
  const [message, setMessage] = useState<string | null>(null);
  if (!list) return <LoadState error={error} retry={reload} />;
  const data = list.items;
  const replace = (next: LocationItem) => savedLocation(next, data);
  return (
    <>
      {message && <Notice kind="success">{message}</Notice>}
      <ul class="list" aria-label={t("admin.locations.title")}>
        {data.map((l) => (
          <li key={l.id}>
            <Place location={l} onSaved={replace} say={setMessage} />
          </li>
        ))}
      </ul>
      <AddPlace
        onAdded={(l) => {
          savedLocation(l, data);
          setMessage(t("admin.locations.added", { name: l.name }));
        }}
      />
    </>
  );
}

function Place({
  location,
  onSaved,
  say,
}: {
  location: LocationItem;
  onSaved: (l: LocationItem) => void;
  say: (m: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const edit = useAction(async (v: Record<string, string>) => {
    const next = await updateLocation(location.id, { name: v.name ?? "", address: v.address?.trim() || null });
    onSaved(next);
    setEditing(false);
    say(t("admin.saved"));
  });
  const toggle = useAction(async () => {
    const next = await updateLocation(location.id, { active: !location.active });
    onSaved(next);
    say(t(next.active ? "admin.locations.reopened" : "admin.locations.closed", { name: next.name }));
  });
  const idBase = `loc-${location.id}`;
  if (editing) {
    return (
      <form
        class="card stack"
        aria-label={t("admin.locations.editing", { name: location.name })}
        onSubmit={(e) => {
          e.preventDefault();
          void edit.run(formValues(e.currentTarget));
        }}
      >
        <Field
          id={`${idBase}-name`}
          name="name"
          label={t("admin.locations.name")}
          errors={edit.fieldErrors.name}
          defaultValue={location.name}
          required
        />
        <Field
          id={`${idBase}-address`}
          name="address"
          label={t("admin.locations.address")}
          hint={t("admin.optional")}
          errors={edit.fieldErrors.address}
          defaultValue={location.address ?? ""}
        />
        {edit.error !== null && <Notice kind="error">{errorMessage(edit.error)}</Notice>}
        <div class="actions">
          <Button type="submit" busy={edit.busy} busyLabel={t("admin.saving")}>
            {t("admin.save")}
          </Button>
          <Button variant="secondary" onClick={() => setEditing(false)} disabled={edit.busy}>
            {t("admin.cancel")}
          </Button>
        </div>
      </form>
    );
  }
  return (
    <div class="card stack-sm">
      <p class="person-head">
        <strong>{location.name}</strong>
        <Badge on={location.active} onLabel={t("admin.locations.open")} offLabel={t("admin.locations.closedBadge")} />
      </p>
      <p class="hint">{location.address || t("admin.locations.noAddress")}</p>
      {toggle.error !== null && <Notice kind="error">{errorMessage(toggle.error)}</Notice>}
      <div class="actions">
        <Button
          variant="secondary"
          onClick={() => setEditing(true)}
          aria-label={t("admin.locations.editLabel", { name: location.name })}
        >
          {t("admin.locations.edit")}
        </Button>
        <Button
          variant="secondary"
          busy={toggle.busy}
          busyLabel={t("admin.saving")}
          onClick={() => void toggle.run()}
          aria-label={t(location.active ? "admin.locations.closeLabel" : "admin.locations.reopenLabel", {
            name: location.name,
          })}
        >
          {t(location.active ? "admin.locations.close" : "admin.locations.reopen")}
        </Button>
      </div>
    </div>
  );
}

function AddPlace({ onAdded }: { onAdded: (l: LocationItem) => void }) {
  const [formKey, setFormKey] = useState(0);
  const action = useAction(async (v: Record<string, string>) => {
    const address = v.address?.trim();
    const added = await createLocation({ name: v.name ?? "", ...(address ? { address } : {}) });
    onAdded(added);
    setFormKey((k) => k + 1);
  });
  return (
    <section class="card stack" aria-labelledby="loc-add">
      <h2 id="loc-add">{t("admin.locations.add")}</h2>
      <form
        key={formKey}
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(formValues(e.currentTarget));
        }}
      >
        <Field name="name" label={t("admin.locations.name")} errors={action.fieldErrors.name} required />
        <Field
          name="address"
          label={t("admin.locations.address")}
          hint={t("admin.optional")}
          errors={action.fieldErrors.address}
        />
        {action.error !== null && <Notice kind="error">{errorMessage(action.error)}</Notice>}
        <Button type="submit" busy={action.busy} busyLabel={t("admin.adding")}>
          {t("admin.locations.add")}
        </Button>
      </form>
    </section>
  );
}
