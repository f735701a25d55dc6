import { useEffect, useState } from "preact/hooks";
import {
  applyCount,
  type CountDetail,
  cancelCount,
  getCount,
  listProducts,
  type ProductItem,
  saveCountLines,
} from "../../api/stock";
import { refreshLowStockBadge } from "../../api/stock-alerts";
import { Button } from "../../components/Button";
import { Notice } from "../../components/Notice";
import { useLoad } from "../../data/use-load";
import { t } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { focusFirstError } from "../../lib/focus-error";
import { parseQuantity } from "../../lib/format";
import { quantityProblem } from "../../lib/number-check";
import { unitWord } from "../../lib/units";
import { useAction } from "../../lib/use-action";
import { Link, type ScreenProps } from "../../router";
import { useMe } from "../../session";
import { Loaded, useFormat } from "./shared";
import "./stock.css";

interface Line {
  productId: string;
  name: string;
  unit: string;
  text: string;
}

/** One stocktake: staff type what they counted; the owner sees the differences and applies them. */
export default function Count({ params }: ScreenProps) {
  const id = params.id ?? "";
  const count = useLoad(() => getCount(id), [id]);
  return (
    <div class="stack">
      <Link href="/stock/counts">{t("stock.back")}</Link>
      <Loaded state={count}>{(c) => <CountView count={c} reload={count.reload} />}</Loaded>
    </div>
  );
}

const linesOf = (c: CountDetail): Line[] =>
  c.lines.map((l) => ({ productId: l.productId, name: l.productName, unit: l.unit, text: String(l.counted) }));

function CountView({ count, reload }: { count: CountDetail; reload: () => void }) {
  const me = useMe();
  const fmt = useFormat();
  const [lines, setLines] = useState<Line[]>(() => linesOf(count));
  const [bad, setBad] = useState<Map<string, string>>(new Map());
  const [message, setMessage] = useState("");
  const [confirm, setConfirm] = useState<"" | "apply" | "cancel">("");
  useEffect(() => setLines(linesOf(count)), [count]);
  const open = count.status === "open";

  const save = useAction(async () => {
    setMessage("");
    const invalid = new Map<string, string>();
    for (const l of lines) {
      const problem = l.text.trim() ? quantityProblem(l.text) : undefined;
      if (problem) invalid.set(l.productId, problem);
    }
    setBad(invalid);
    const ready = lines.filter((l) => l.text.trim() && !invalid.has(l.productId));
    if (invalid.size > 0) return focusFirstError(document.getElementById("count-lines"));
    if (ready.length === 0) return;
    await saveCountLines(
      count.id,
      ready.map((l) => ({ productId: l.productId, counted: parseQuantity(l.text) ?? 0 })),
    );
    setMessage(t("stock.count.saved"));
    reload();
  });
  const finish = useAction(async (what: "apply" | "cancel") => {
    await (what === "apply" ? applyCount(count.id) : cancelCount(count.id));
    setConfirm("");
    void refreshLowStockBadge();
    reload();
  });

  const add = (p: ProductItem) =>
    setLines((ls) =>
      ls.some((l) => l.productId === p.id) ? ls : [{ productId: p.id, name: p.name, unit: p.unit, text: "" }, ...ls],
    );
  const change = (productId: string, text: string) =>
    setLines((ls) => ls.map((l) => (l.productId === productId ? { ...l, text } : l)));
  const step = (l: Line, by: number) =>
    change(l.productId, String(Math.max(0, Math.round(((parseQuantity(l.text) ?? 0) + by) * 1000) / 1000)));

  return (
    <>
      <h1>{t("stock.count.title", { location: count.locationName })}</h1>
      {count.status === "applied" && <Notice kind="success">{t("stock.count.applied")}</Notice>}
      {count.status === "cancelled" && <Notice kind="info">{t("stock.count.cancelled")}</Notice>}
      {message && <Notice kind="success">{message}</Notice>}
      {save.error !== null && <Notice kind="error">{errorMessage(save.error)}</Notice>}
      {open && <AddProduct onAdd={add} />}
      {open && (
        <section class="stack" id="count-lines" data-form aria-label={t("stock.count.save")}>
          {lines.length === 0 && <p class="empty">{t("stock.count.empty")}</p>}
          <ul class="rows">
            {lines.map((l) => {
              const inputId = `count-${l.productId}`;
              return (
                <li key={l.productId} class={`row${bad.has(l.productId) ? " field-invalid" : ""}`}>
                  <label for={inputId} class="row-main">
                    <span class="row-title">{l.name}</span>
                    <span class="row-sub">{t("stock.count.counted", { unit: unitWord(l.unit) })}</span>
                  </label>
                  <span class="stepper">
                    <button
                      type="button"
                      class="btn btn-secondary"
                      aria-label={`${t("stock.count.minus")}: ${l.name}`}
                      onClick={() => step(l, -1)}
                    >
                      −
                    </button>
                    <input
                      id={inputId}
                      inputMode="decimal"
                      autocomplete="off"
                      size={5}
                      value={l.text}
                      aria-invalid={bad.has(l.productId) || undefined}
                      aria-describedby={bad.has(l.productId) ? `${inputId}-error` : undefined}
                      onInput={(e) => change(l.productId, e.currentTarget.value)}
                    />
                    <button
                      type="button"
                      class="btn btn-secondary"
                      aria-label={`${t("stock.count.plus")}: ${l.name}`}
                      onClick={() => step(l, 1)}
                    >
                      +
                    </button>
                  </span>
                  {bad.has(l.productId) && (
                    <p class="field-error" id={`${inputId}-error`}>
                      {t("error.field", { label: l.name, message: bad.get(l.productId) ?? "" })}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
          {lines.length > 0 && (
            <Button busy={save.busy} busyLabel={t("stock.count.saving")} onClick={() => void save.run()}>
              {t("stock.count.save")}
            </Button>
          )}
        </section>
      )}
      {(me.permissions.includes("stock.adjust") || !open) && count.lines.length > 0 && (
        <section class="stack" aria-labelledby="review-title">
          <h2 id="review-title">{t("stock.count.review")}</h2>
          <ul class="rows">
            {count.lines.map((l) => (
              <li key={l.productId} class="row">
                <span class="row-main">
                  <span class="row-title">{l.productName}</span>
                  <span class="row-sub">
                    {t("stock.count.expected")}: {fmt.qty(l.expected, l.unit)} ·{" "}
                    {t("stock.count.counted", { unit: unitWord(l.unit) })}: {fmt.number(l.counted)}
                  </span>
                </span>
                <span class="row-side">
                  <span class="hint">{t("stock.count.difference")}</span>
                  <span class={l.difference < 0 ? "diff-minus" : l.difference > 0 ? "diff-plus" : ""}>
                    {l.difference > 0 ? "+" : l.difference < 0 ? "−" : ""}
                    {fmt.number(Math.abs(l.difference))}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {open && (
        <section class="card stack" aria-live="polite">
          {finish.error !== null && <Notice kind="error">{errorMessage(finish.error)}</Notice>}
          {confirm ? (
            <>
              <p>
                {confirm === "apply"
                  ? t("stock.count.applyConfirm", { count: count.lines.length })
                  : t("stock.count.cancelConfirm")}
              </p>
              <Button
                variant={confirm === "apply" ? "primary" : "danger"}
                busy={finish.busy}
                busyLabel={t("stock.count.applying")}
                onClick={() => void finish.run(confirm)}
              >
                {t(confirm === "apply" ? "stock.count.applyYes" : "stock.count.cancelYes")}
              </Button>
              <Button variant="secondary" onClick={() => setConfirm("")}>
                {t("stock.count.no")}
              </Button>
            </>
          ) : (
            <>
              {me.permissions.includes("stock.adjust") && count.lines.length > 0 && (
                <Button onClick={() => setConfirm("apply")}>{t("stock.count.apply")}</Button>
              )}
              <Button variant="secondary" onClick={() => setConfirm("cancel")}>
                {t("stock.count.cancel")}
              </Button>
            </>
          )}
        </section>
      )}
    </>
  );
}

/** Search as you type; each result is a button that puts the product on the count. */
function AddProduct({ onAdd }: { onAdd: (p: ProductItem) => void }) {
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useLoad(() => (q ? listProducts({ q, limit: 8 }).then((r) => r.items) : Promise.resolve([])), [q]);
  return (
    <div class="stack">
      <div class="field">
        <label for="f-count-search">{t("stock.count.add")}</label>
        <input
          id="f-count-search"
          type="search"
          value={text}
          autocomplete="off"
          aria-describedby="f-count-search-hint"
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <p class="hint" id="f-count-search-hint">
          {t("stock.search.hint")}
        </p>
      </div>
      <div role="status" aria-live="polite">
        {q && found.loading && <p class="hint">{t("stock.searching")}</p>}
        {q && !found.loading && found.data?.length === 0 && <p class="hint">{t("stock.count.noResults")}</p>}
        {found.error !== undefined && <p class="field-error">{errorMessage(found.error)}</p>}
      </div>
      {q && (found.data?.length ?? 0) > 0 && (
        <ul class="rows">
          {found.data?.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                class="btn btn-secondary result"
                onClick={() => {
                  onAdd(p);
                  setText("");
                }}
              >
                + {p.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
