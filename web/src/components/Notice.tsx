import type { ComponentChildren } from "preact";

/** A message about what just happened: errors interrupt (alert), successes wait their turn (status). */
export function Notice({ kind, children }: { kind: "error" | "success" | "info"; children: ComponentChildren }) {
  return (
    <div class={`notice notice-${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}
