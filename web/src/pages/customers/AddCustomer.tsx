import { createCustomer } from "../../api/customers";
import { t } from "../../i18n";
import { useAction } from "../../lib/use-action";
import { Link, navigate } from "../../router";
import { CustomerForm, type CustomerFormValues } from "./CustomerForm";
import "./customers.css";

export default function AddCustomer() {
  const add = useAction(async (values: CustomerFormValues) => {
    const { tags: _tags, ...body } = values;
    const created = await createCustomer(body);
    navigate(`/customers/${created.id}`);
  });
  return (
    <div class="stack">
      <Link class="back" href="/customers">
        {t("customers.back")}
      </Link>
      <h1>{t("customers.add.title")}</h1>
      <p class="hint">{t("customers.add.intro")}</p>
      <CustomerForm
        busy={add.busy}
        error={add.error}
        submitLabel={t("customers.add.submit")}
        busyLabel={t("customers.add.busy")}
        onSubmit={(values) => void add.run(values)}
      />
    </div>
  );
}
