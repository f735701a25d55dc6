import type { ComponentChildren, JSX } from "preact";
import { Spinner } from "./Spinner";

type Props = JSX.ButtonHTMLAttributes<HTMLButtonElement> & {
  busy?: boolean;
  /** What the button says while its request runs, e.g. "Signing in…". */
  busyLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  children: ComponentChildren;
};

/** A big thumb-sized button that shows progress and cannot be pressed twice while busy. */
export function Button({ busy = false, busyLabel, variant = "primary", children, disabled, type, ...rest }: Props) {
  return (
    <button
      {...rest}
      type={type ?? "button"}
      class={`btn btn-${variant}`}
      disabled={busy || disabled}
      aria-busy={busy || undefined}
    >
      {busy && <Spinner inline />}
      <span>{busy && busyLabel ? busyLabel : children}</span>
    </button>
  );
}
