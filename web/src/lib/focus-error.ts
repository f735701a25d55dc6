/**
 * Where a refused form sends the person: its first field marked invalid, else the form's error
 * message (a notice in the form or the nearest one around it). Scrolled into view and focused, so a
 * thumb on a small screen and a screen reader both land on what to fix. Every form gets this
 * through `useAction`; forms with checks of their own call it after showing them. A screen that
 * works as a form without a <form> element (the payment sheet) marks its container `data-form`.
 */
export function focusFirstError(from: Element | null): void {
  const form = from?.closest<HTMLElement>("form, [data-form]");
  if (!form) return;
  // After the render that shows the errors (Preact renders on a microtask, before this timer).
  setTimeout(() => {
    const el = errorTarget(form);
    if (!el) return;
    if (!el.matches("input, select, textarea, button, a[href], [tabindex]")) el.tabIndex = -1;
    el.scrollIntoView({ block: "center" });
    el.focus({ preventScroll: true });
  }, 0);
}

function errorTarget(form: HTMLElement): HTMLElement | null {
  const field = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (field) return field;
  for (let el: Element | null = form; el && el !== document.body; el = el.parentElement) {
    const notice = el.querySelector<HTMLElement>(".notice-error, .field-error[role=alert]");
    if (notice) return notice;
  }
  return null;
}
