import { useEffect, useState } from "preact/hooks";
import { type CustomerDetail, getCustomer, updateCustomer } from "../../api/customers";
import { Notice } from "../../components/Notice";
import { Spinner } from "../../components/Spinner";
import { t } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useAction } from "../../lib/use-action";
import { Link, navigate, type ScreenProps } from "../../router";
import { CustomerForm, type CustomerFormValues } from "./CustomerForm";
import "./customers.css";

/** Owner only: the customer's details, tags and credit limit. */
export default function EditCustomer({ params }: ScreenProps) {
  const id = params.id ?? "";
  const [customer, setCustomer] = useState<CustomerDetail | null>(null);
  const load = useAction(getCustomer);
  const save = useAction(async (values: CustomerFormValues) => {
    await updateCustomer(id, values);
    navigate(`/customers/${id}`);
  });
  useEffect(() => void load.run(id).then((c) => c && setCustomer(c)), [id]);

  return (
    <div class="stack">
      <Link class="back" href={`/customers/${id}`}>
        {t("customers.backToCustomer")}
      </Link>
      <h1>{t("customers.edit.title")}</h1>
      {load.busy && <Spinner label={t("app.loading")} />}
      {load.error !== null && <Notice kind="error">{errorMessage(load.error)}</Notice>}
      {customer && (
        <CustomerForm
          initial={customer}
          withTags
          busy={save.busy}
          error={save.error}
          submitLabel={t("customers.edit.submit")}
          busyLabel={t("customers.edit.busy")}
          onSubmit={(values) => void save.run(values)}
        />
      )}
    </div>
  );
}
