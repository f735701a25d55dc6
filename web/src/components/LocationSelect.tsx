import { t } from "../i18n";

/** A labelled choice of one of the business's locations; `allLabel` adds a first "every location" option (value ""). */
export function LocationSelect(props: {
  id: string;
  label: string;
  value: string;
  locations: { id: string; name: string }[];
  onChange: (id: string) => void;
  allLabel?: string;
  errors?: string[] | undefined;
}) {
  const errorId = props.errors?.length ? `${props.id}-error` : undefined;
  return (
    <div class={`field${errorId ? " field-invalid" : ""}`}>
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.allLabel !== undefined && <option value="">{props.allLabel}</option>}
        {props.locations.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
      {errorId && (
        <p class="field-error" id={errorId}>
          {props.errors?.map((message) => t("error.field", { label: props.label, message })).join(" ")}
        </p>
      )}
    </div>
  );
}
