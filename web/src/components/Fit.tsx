import type { JSX } from "preact";
import "./Fit.css";

/**
 * A figure that shrinks to fit its box instead of breaking inside a number ("KES 252.5 / 0") or
 * being cut ("252,50 KE"). The box is the nearest `.fit-box`; the size comes from the text's length
 * (custom properties set through the DOM, which the style-src CSP allows), so short amounts stay big.
 */
export function Fit({ text, class: cls }: { text: string; class?: string }) {
  const style = { "--chars": Math.max(text.length, 4) } as unknown as JSX.CSSProperties;
  return (
    <span class={cls ? `fit ${cls}` : "fit"} style={style}>
      {text}
    </span>
  );
}
