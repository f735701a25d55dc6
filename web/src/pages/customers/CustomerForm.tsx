import { useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import { type CustomerDetail, duplicateOf } from "../../api/customers";
import { Button } from "../../components/Button";
import { phoneHint } from "../../components/CustomerPicker";
import { Field } from "../../components/Field";
import { Notice } from "../../components/Notice";
import { t, useLocale } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { focusFirstError } from "../../lib/focus-error";
import { moneyInput, parseMoney } from "../../lib/format";
import { moneyProblem } from "../../lib/number-check";
import { formValues } from "../../lib/use-action";
import { Link } from "../../router";
import { useMe } from "../../session";

export interface CustomerFormValues {
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  notes: string | null;
  tags?: string[];
  creditLimit?: number | null;
}

/** Add and edit share this form; the owner also sets the credit limit (and, when editing, tags). */
export function CustomerForm({
  initial,
  busy,
  error,
  submitLabel,
  busyLabel,
  onSubmit,
  withTags = false,
}: {
  initial?: CustomerDetail | undefined;
  busy: boolean;
  error: unknown;
  submitLabel: string;
  busyLabel: string;
  onSubmit: (values: CustomerFormValues) => void;
  withTags?: boolean;
}) {
  const me = useMe();
  const locale = useLocale();
  const isOwner = me.user.role === "owner";
  const currency = me.business.currency;
  const fields = error instanceof ApiError ? error.fields : {};
  const duplicate = error instanceof ApiError && error.code === "duplicate_phone" ? error : undefined;
  const other = duplicate ? duplicateOf(duplicate.details) : undefined;
  const [limitProblem, setLimitProblem] = useState<string>();

  const submit = (form: HTMLFormElement) => {
    const v = formValues(form);
    const text = (k: string) => (v[k] ?? "").trim() || null;
    const values: CustomerFormValues = {
      name: (v.name ?? "").trim(),
      phone: text("phone"),
      email: text("email"),
      address: text("address"),
      notes: text("notes"),
    };
    if (withTags) {
      values.tags = (v.tags ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    }
    if (isOwner) {
      const limit = text("creditLimit");
      const problem = limit === null ? undefined : moneyProblem(limit, currency, t("customers.amount.invalid"));
      setLimitProblem(problem);
      if (problem) return focusFirstError(form);
      values.creditLimit = limit === null ? null : (parseMoney(limit, currency) ?? null);
    }
    onSubmit(values);
  };

  const showGeneral = error !== null && error !== undefined && !duplicate;
  return (
    <form
      class="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
    >
      {showGeneral && <Notice kind="error">{errorMessage(error)}</Notice>}
      <Field
        name="name"
        label={t("customers.field.name")}
        defaultValue={initial?.name ?? ""}
        errors={fields.name}
        autocomplete="off"
        required
      />
      <Field
        name="phone"
        type="tel"
        label={t("customers.field.phone")}
        hint={phoneHint(me.business.country, locale)}
        defaultValue={initial?.phone ?? ""}
        errors={fields.phone}
        autocomplete="off"
        aria-invalid={duplicate ? true : undefined}
        aria-errormessage={duplicate ? "duplicate-phone" : undefined}
      />
      {duplicate && (
        <div id="duplicate-phone" class="notice notice-error" role="alert">
          <p>{duplicate.message}</p>
          {other && (
            <Link href={`/customers/${other.customerId}`}>{t("customers.duplicate.open", { name: other.name })}</Link>
          )}
        </div>
      )}
      <Field
        name="email"
        type="email"
        label={t("customers.field.email")}
        defaultValue={initial?.email ?? ""}
        errors={fields.email}
        autocomplete="off"
      />
      <Field
        name="address"
        label={t("customers.field.address")}
        defaultValue={initial?.address ?? ""}
        errors={fields.address}
        autocomplete="off"
      />
      <div class="field">
        <label for="f-notes">{t("customers.field.notes")}</label>
        <textarea
          id="f-notes"
          name="notes"
          rows={3}
          maxLength={2000}
          defaultValue={initial?.notes ?? ""}
          aria-describedby={fields.notes ? "f-notes-error" : undefined}
        />
        {fields.notes && (
          <p class="field-error" id="f-notes-error">
            {fields.notes.map((message) => t("error.field", { label: t("customers.field.notes"), message })).join(" ")}
          </p>
        )}
      </div>
      {withTags && (
        <Field
          name="tags"
          label={t("customers.field.tags")}
          hint={t("customers.field.tags.hint")}
          defaultValue={initial?.tags?.join(", ") ?? ""}
          errors={fields.tags}
          autocomplete="off"
        />
      )}
      {isOwner && (
        <Field
          name="creditLimit"
          label={t("customers.field.creditLimit", { currency })}
          hint={t("customers.field.creditLimit.hint")}
          defaultValue={initial?.creditLimit != null ? moneyInput(initial.creditLimit, currency) : ""}
          errors={limitProblem ? [limitProblem] : fields.creditLimit}
          inputMode="decimal"
          autocomplete="off"
        />
      )}
      <Button type="submit" busy={busy} busyLabel={busyLabel}>
        {submitLabel}
      </Button>
    </form>
  );
}
