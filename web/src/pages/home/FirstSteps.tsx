import type { FirstSteps as Steps } from "@duka/contracts";
import { useState } from "preact/hooks";
import { get } from "../../data/endpoints";
import { useLoad } from "../../data/use-load";
import { t } from "../../i18n";
import { Link } from "../../router";
import "./first-steps.css";

const dismissedKey = (businessId: string) => `duka.firstSteps.dismissed.${businessId}`;

function dismissed(businessId: string): boolean {
  try {
    return localStorage.getItem(dismissedKey(businessId)) === "1";
  } catch {
    return false;
  }
}

/** Each step: what the server ticks it from, its words, and the screen that does it. */
const STEPS: { key: keyof Steps; href: string; alt?: { href: string; label: "home.steps.products.import" } }[] = [
  { key: "products", href: "/stock/new", alt: { href: "/more/import", label: "home.steps.products.import" } },
  { key: "staff", href: "/more/staff/new" },
  { key: "sale", href: "/sell" },
];

/**
 * A new owner's checklist above the dashboard, so the first visit is not an empty page: each step
 * ticked from the shop's own data, each linking to its screen. Gone once all are done, or when the
 * owner dismisses it on this phone.
 */
export function FirstSteps({ businessId }: { businessId: string }) {
  const [hidden, setHidden] = useState(() => dismissed(businessId));
  const steps = useLoad(() => (hidden ? Promise.resolve(undefined) : get("/business/first-steps")), [hidden]);
  const done = steps.data;
  if (hidden || !done || STEPS.every((s) => done[s.key])) return null;
  const left = STEPS.filter((s) => !done[s.key]).length;
  return (
    <section class="card stack first-steps" aria-labelledby="first-steps-title">
      <h2 id="first-steps-title">{t("home.steps.title")}</h2>
      <p class="hint">{t("home.steps.left", { count: left })}</p>
      <ol class="list-plain stack">
        {STEPS.map((s) => (
          <li key={s.key} class={done[s.key] ? "step step-done" : "step"}>
            <span class="step-mark" aria-hidden="true">
              {done[s.key] ? "✓" : "○"}
            </span>
            <span class="visually-hidden">{t(done[s.key] ? "home.steps.done" : "home.steps.todo")}</span>
            {done[s.key] ? (
              <span>{t(`home.steps.${s.key}`)}</span>
            ) : (
              <span>
                <Link href={s.href}>{t(`home.steps.${s.key}`)}</Link>
                {s.alt && (
                  <>
                    {" "}
                    <Link href={s.alt.href}>{t(s.alt.label)}</Link>
                  </>
                )}
              </span>
            )}
          </li>
        ))}
      </ol>
      <button
        type="button"
        class="link-button"
        onClick={() => {
          try {
            localStorage.setItem(dismissedKey(businessId), "1");
          } catch {
            // hidden for this visit only
          }
          setHidden(true);
        }}
      >
        {t("home.steps.dismiss")}
      </button>
    </section>
  );
}
