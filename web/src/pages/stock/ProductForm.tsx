import { useState } from "preact/hooks";
import { createProduct, getProduct, listCategories, type ProductDetail, updateProduct } from "../../api/stock";
import { refreshLowStockBadge } from "../../api/stock-alerts";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Notice } from "../../components/Notice";
import { useLoad } from "../../data/use-load";
import { t } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { focusFirstError } from "../../lib/focus-error";
import { moneyInput, parseMoney, parseQuantity } from "../../lib/format";
import { moneyProblem, quantityProblem } from "../../lib/number-check";
import { formValues, useAction } from "../../lib/use-action";
import { Link, navigate, type ScreenProps } from "../../router";
import { useMe } from "../../session";
import { Loaded, LocationSelect, preferredLocation, UNITS, useFormat, useLocations, word } from "./shared";
import "./stock.css";

type Errors = Record<string, string[]>;

/** Add a product (/stock/new) or edit one (/stock/:id/edit). Owners only; the server says so too. */
export default function ProductForm({ params }: ScreenProps) {
  const id = params.id;
  const product = useLoad(() => (id ? getProduct(id) : Promise.resolve(null)), [id]);
  return (
    <div class="stack">
      <Link href={id ? `/stock/${id}` : "/stock"}>{t("stock.back")}</Link>
      <h1>{t(id ? "stock.form.editTitle" : "stock.form.newTitle")}</h1>
      <Loaded state={product}>{(p) => <Form product={p} onSaved={product.reload} />}</Loaded>
    </div>
  );
}

function Form({ product, onSaved }: { product: ProductDetail | null; onSaved: () => void }) {
  const me = useMe();
  const fmt = useFormat();
  const currency = me.business.currency;
  const locations = useLocations() ?? [];
  const [locationId, setLocationId] = useState("");
  const [local, setLocal] = useState<Errors>({});
  const [saved, setSaved] = useState("");
  const categories = useLoad(() => listCategories().then((r) => r.categories), []);
  const example = fmt.number(1250.5, 2);
  const initialLocation = locationId || preferredLocation(locations, me.user.locationId);

  const save = useAction(async (form: HTMLFormElement, carriedAt?: string[]) => {
    const v = formValues(form);
    setSaved("");
    const errors: Errors = {};
    const money = (name: string, required: boolean) => {
      const text = v[name]?.trim() ?? "";
      if (!text) {
        if (required) errors[name] = [t("stock.error.required")];
        return null;
      }
      const problem = moneyProblem(text, currency, t("stock.error.money", { example }));
      if (problem) errors[name] = [problem];
      return parseMoney(text, currency) ?? null;
    };
    const quantity = (name: string) => {
      const text = v[name]?.trim() ?? "";
      if (!text) return undefined;
      const problem = quantityProblem(text);
      if (problem) errors[name] = [problem];
      return parseQuantity(text);
    };
    const fields = {
      name: v.name ?? "",
      // A price typed at each sale needs no listed price.
      price: money("price", v.priceAtSale !== "on") ?? 0,
      priceAtSale: v.priceAtSale === "on",
      cost: money("cost", false),
      sku: v.sku ?? "",
      barcode: v.barcode ?? "",
      category: v.category?.trim() || null,
      unit: v.unit || "piece",
      lowStockThreshold: quantity("lowStockThreshold") ?? 0,
    };
    const initial = product ? undefined : quantity("initialStock");
    setLocal(errors);
    if (Object.keys(errors).length > 0) return focusFirstError(form);
    if (product) {
      await updateProduct(product.id, { ...fields, carriedAt });
      setSaved(t("stock.form.saved"));
      onSaved();
    } else {
      const created = await createProduct({
        ...fields,
        carriedAt,
        // Empty: not counted yet. Zero typed in: counted, none here.
        initialStock: initial !== undefined ? [{ locationId: initialLocation, quantity: initial }] : undefined,
      });
      void refreshLowStockBadge();
      navigate(`/stock/${created.id}`, true);
    }
  });
  const errors = { ...save.fieldErrors, ...local };
  const units = product && !UNITS.includes(product.unit) ? [...UNITS, product.unit] : UNITS;
  const optional = t("stock.field.optional");

  return (
    <>
      {save.error !== null && <Notice kind="error">{errorMessage(save.error)}</Notice>}
      {Object.keys(local).length > 0 && <Notice kind="error">{t("error.invalid_input")}</Notice>}
      {saved && <Notice kind="success">{saved}</Notice>}
      <form
        class="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const boxes = [...form.querySelectorAll<HTMLInputElement>("input[name=carriedAt]")];
          void save.run(form, boxes.length ? boxes.filter((b) => b.checked).map((b) => b.value) : undefined);
        }}
      >
        <Field name="name" label={t("stock.field.name")} errors={errors.name} defaultValue={product?.name} required />
        <Field
          name="price"
          label={t("stock.field.price", { currency })}
          errors={errors.price}
          inputMode="decimal"
          autocomplete="off"
          defaultValue={product ? moneyInput(product.price, currency) : ""}
        />
        <label class="check">
          <input type="checkbox" name="priceAtSale" defaultChecked={product?.priceAtSale ?? false} />
          <span>{t("stock.field.priceAtSale")}</span>
        </label>
        <Field
          name="cost"
          label={t("stock.field.cost", { currency })}
          hint={t("stock.field.cost.hint")}
          errors={errors.cost}
          inputMode="decimal"
          autocomplete="off"
          defaultValue={product?.cost != null ? moneyInput(product.cost, currency) : ""}
        />
        <div class="field">
          <label for="f-unit">{t("stock.field.unit")}</label>
          <select id="f-unit" name="unit" defaultValue={product?.unit ?? "piece"}>
            {units.map((u) => (
              <option key={u} value={u}>
                {word("stock.unitName", u)}
              </option>
            ))}
          </select>
        </div>
        {!product && (
          <>
            <Field
              name="initialStock"
              label={t("stock.field.initial")}
              hint={t("stock.field.initial.hint")}
              errors={errors.initialStock ?? errors["initialStock.0.quantity"]}
              inputMode="decimal"
              autocomplete="off"
            />
            {locations.length > 1 && (
              <LocationSelect
                id="f-initial-location"
                label={t("stock.field.location")}
                value={initialLocation}
                locations={locations}
                onChange={setLocationId}
              />
            )}
          </>
        )}
        {locations.length > 1 && (
          <fieldset class="stack">
            <legend>{t("stock.field.carried")}</legend>
            <p class="hint">{t("stock.field.carried.hint")}</p>
            {locations.map((l) => (
              <label key={l.id} class="choice">
                <input
                  type="checkbox"
                  name="carriedAt"
                  value={l.id}
                  defaultChecked={product ? product.locations.some((p) => p.locationId === l.id && p.carried) : true}
                />
                <span>{l.name}</span>
              </label>
            ))}
          </fieldset>
        )}
        <Field
          name="lowStockThreshold"
          label={t("stock.field.threshold")}
          hint={t("stock.field.threshold.hint")}
          errors={errors.lowStockThreshold}
          inputMode="decimal"
          autocomplete="off"
          defaultValue={product ? String(product.lowStockThreshold) : "0"}
        />
        <Field
          name="category"
          label={t("stock.field.category")}
          hint={t("stock.field.category.hint")}
          errors={errors.category}
          list="categories"
          autocomplete="off"
          defaultValue={product?.category ?? ""}
        />
        <datalist id="categories">
          {categories.data?.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <Field
          name="sku"
          label={t("stock.field.sku")}
          hint={optional}
          errors={errors.sku}
          autocomplete="off"
          autocapitalize="characters"
          defaultValue={product?.sku ?? ""}
        />
        <Field
          name="barcode"
          label={t("stock.field.barcode")}
          hint={optional}
          errors={errors.barcode}
          inputMode="numeric"
          autocomplete="off"
          defaultValue={product?.barcode ?? ""}
        />
        <Button type="submit" busy={save.busy} busyLabel={t("stock.form.saving")}>
          {t("stock.form.save")}
        </Button>
      </form>
      {product && <Archive product={product} onDone={onSaved} />}
    </>
  );
}

function Archive({ product, onDone }: { product: ProductDetail; onDone: () => void }) {
  const [done, setDone] = useState(false);
  const toggle = useAction(async () => {
    await updateProduct(product.id, { archived: !product.archived });
    setDone(true);
    void refreshLowStockBadge();
    onDone();
  });
  return (
    <section class="card stack" aria-labelledby="archive-title">
      <h2 id="archive-title">{t(product.archived ? "stock.form.unarchive" : "stock.form.archive")}</h2>
      {product.archived ? <p>{t("stock.form.archivedNow")}</p> : <p class="hint">{t("stock.form.archive.hint")}</p>}
      {toggle.error !== null && <Notice kind="error">{errorMessage(toggle.error)}</Notice>}
      {done && !product.archived && <Notice kind="success">{t("stock.form.restored")}</Notice>}
      <Button
        variant={product.archived ? "primary" : "danger"}
        busy={toggle.busy}
        busyLabel={t("stock.form.saving")}
        onClick={() => void toggle.run()}
      >
        {t(product.archived ? "stock.form.unarchive" : "stock.form.archive")}
      </Button>
    </section>
  );
}
