import type { ComponentChildren, JSX } from "preact";
import { t } from "../i18n";

export type FieldProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "label"> & {
  name: string;
  label: string;
  hint?: string | undefined;
  /** Messages from the server for this field; shown under it and announced. */
  errors?: string[] | undefined;
  /** Something beside the input, inside its row (e.g. the show-password button). */
  addon?: ComponentChildren;
};

/** A labelled input with its hint and errors tied to it for screen readers. */
export function Field({ name, label, hint, errors, addon, id, ...input }: FieldProps) {
  const inputId = id ?? `f-${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = errors?.length ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div class={`field${errorId ? " field-invalid" : ""}`}>
      <label for={inputId}>{label}</label>
      <div class="field-row">
        <input
          {...input}
          id={inputId}
          name={name}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={describedBy}
        />
        {addon}
      </div>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      {errorId && (
        <p class="field-error" id={errorId}>
          {errors?.map((message) => t("error.field", { label, message })).join(" ")}
        </p>
      )}
    </div>
  );
}
