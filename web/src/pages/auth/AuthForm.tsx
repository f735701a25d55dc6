import type { ComponentChildren, JSX } from "preact";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Notice } from "../../components/Notice";
import { t } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formValues } from "../../lib/use-action";

/** What an AuthForm needs of its `useAction`: run it with the form's values, show its state. */
interface Action {
  busy: boolean;
  error: unknown;
  fieldErrors: Record<string, string[]>;
  run: (values: Record<string, string>) => Promise<unknown>;
}

type Props = {
  action: Action;
  /** The login field first, under this input name (its server field is always `login`); none when absent. */
  login?: { name: string; type?: "email" } | undefined;
  submit: string;
  busyLabel?: string | undefined;
  variant?: "primary" | "secondary";
  /** How a refusal reads; the catalogue's words for the error by default. */
  refusal?: (err: unknown) => string;
  /** Shown above the fields: a title, a success message. */
  head?: ComponentChildren;
  /** The fields after the login. */
  children?: ComponentChildren;
} & Pick<JSX.HTMLAttributes<HTMLFormElement>, "class" | "aria-labelledby">;

/**
 * The form of the signed-out screens (sign in, forgot password, reset link): the refusal, the login
 * field, the screen's own fields and the submit button. Being a `useAction` form, a refusal moves
 * focus to the first field in error or to this message.
 */
export function AuthForm({
  action,
  login,
  submit,
  busyLabel,
  variant,
  refusal = errorMessage,
  head,
  children,
  ...form
}: Props) {
  return (
    <form
      {...form}
      class={form.class ?? "stack"}
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(formValues(e.currentTarget));
      }}
    >
      {head}
      {action.error !== null && <Notice kind="error">{refusal(action.error)}</Notice>}
      {login && (
        <Field
          name={login.name}
          type={login.type}
          label={t("field.login")}
          errors={action.fieldErrors.login}
          autocomplete={login.type === "email" ? "email" : "username"}
          autocapitalize="none"
          spellcheck={false}
          required
        />
      )}
      {children}
      <Button type="submit" variant={variant} busy={action.busy} busyLabel={busyLabel}>
        {submit}
      </Button>
    </form>
  );
}
