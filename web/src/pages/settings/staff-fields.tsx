import type { LocationItem } from "../../api/admin";
import { t } from "../../i18n";

export const roleName = (role: string) => t(role === "owner" ? "admin.role.owner" : "admin.role.staff");

/** Owner or staff, each with what it means: the choice decides what the person can see. */
export function RoleField({ value, errors }: { value: string; errors?: string[] | undefined }) {
  return (
    <fieldset class="stack-sm">
      <legend>{t("admin.staff.role")}</legend>
      {(["staff", "owner"] as const).map((role) => (
        <label key={role} class="choice">
          <input type="radio" name="role" value={role} defaultChecked={value === role} />
          <span>
            <strong>{roleName(role)}</strong>
            <span class="hint choice-hint">
              {t(role === "owner" ? "admin.role.owner.hint" : "admin.role.staff.hint")}
            </span>
          </span>
        </label>
      ))}
      {errors?.length ? <p class="field-error">{errors.join(" ")}</p> : null}
    </fieldset>
  );
}

/** Where the person works; "any location" lets them work at every one. */
export function LocationField({
  locations,
  value,
  errors,
}: {
  locations: LocationItem[];
  value: string | null;
  errors?: string[] | undefined;
}) {
  const hasError = !!errors?.length;
  return (
    <div class={`field${hasError ? " field-invalid" : ""}`}>
      <label for="f-locationId">{t("admin.staff.location")}</label>
      <select
        id="f-locationId"
        name="locationId"
        defaultValue={value ?? ""}
        aria-describedby={hasError ? "f-locationId-hint f-locationId-error" : "f-locationId-hint"}
      >
        <option value="">{t("admin.staff.anyLocation")}</option>
        {locations
          .filter((l) => l.active || l.id === value)
          .map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
      </select>
      <p class="hint" id="f-locationId-hint">
        {t("admin.staff.location.hint")}
      </p>
      {hasError && (
        <p class="field-error" id="f-locationId-error">
          {errors?.join(" ")}
        </p>
      )}
    </div>
  );
}
