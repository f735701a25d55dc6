import { useState } from "preact/hooks";
import { t } from "../i18n";
import { Field, type FieldProps } from "./Field";

/** A password input with a show/hide toggle: typing on a small screen is error-prone. */
export function PasswordField(props: Omit<FieldProps, "type" | "addon">) {
  const [shown, setShown] = useState(false);
  const toggle = (
    <button
      type="button"
      class="btn btn-secondary field-addon"
      aria-pressed={shown}
      aria-label={t(shown ? "field.password.hideLabel" : "field.password.showLabel")}
      aria-controls={props.id ?? `f-${props.name}`}
      onClick={() => setShown((s) => !s)}
    >
      {t(shown ? "field.password.hide" : "field.password.show")}
    </button>
  );
  return <Field {...props} type={shown ? "text" : "password"} addon={toggle} />;
}
