// Runs in the page (the e2e workspace has no DOM types): what on the screen does not fit.
// Money is the shop's currency symbol, as Intl writes it for the language, next to a number.
(locale, currency) => {
  const symbol =
    new Intl.NumberFormat(locale, { style: "currency", currency }).formatToParts(1).find((p) => p.type === "currency")
      ?.value ?? currency;
  const sym = symbol.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const gap = "[\\s\\u00a0\\u202f]?";
  const num = "-?\\d(?:[\\d.,\\s\\u00a0\\u202f]*\\d)?";
  const pattern = new RegExp(`${sym}${gap}${num}|${num}${gap}${sym}`, "g");
  const money = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? "";
    const parent = node.parentElement;
    if (!parent || parent.closest(".visually-hidden, .sr-only, [hidden], option, select")) continue;
    for (const m of text.matchAll(pattern)) {
      // One box per line the amount occupies: two lines mean it wrapped, wherever the markup puts it.
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const boxes = [...range.getClientRects()].filter((r) => r.width > 0);
      if (boxes.length === 0) continue;
      const lines = new Set(boxes.map((r) => Math.round(r.top + r.height / 2)));
      const whole = range.getBoundingClientRect();
      let clipped = whole.left < -0.5 || whole.right > innerWidth + 0.5;
      // Spilling out of its block (and under whatever sits beside it) counts as cut too.
      let block = parent;
      while (block.parentElement && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
      const own = block.getBoundingClientRect();
      if (whole.left < own.left - 0.5 || whole.right > own.right + 0.5) clipped = true;
      for (let el = parent; el && !clipped; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (style.overflowX === "visible" && style.textOverflow !== "ellipsis") continue;
        const box = el.getBoundingClientRect();
        clipped = whole.left < box.left - 0.5 || whole.right > box.right + 0.5;
      }
      if (lines.size > 1 || clipped) money.push(`${lines.size > 1 ? "wrapped" : "cut"}: "${m[0]}"`);
    }
  }
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth, money };
};
