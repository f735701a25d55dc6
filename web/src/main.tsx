import { render } from "preact";
import { App } from "./app";
import { loadSession } from "./session";
// In this order: later files refine earlier ones, as one stylesheet would.
import "./styles/base.css";
import "./styles/forms.css";
import "./styles/shell.css";
import "./styles/parts.css";

const root = document.getElementById("app");
if (root) render(<App />, root);
void loadSession();

// Development serves changing, unhashed modules: a cache there would only get in the way.
if (import.meta.env.PROD && "serviceWorker" in navigator) {
  addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js").catch(() => {
      // Without a service worker Duka still works, only without the offline start.
    });
  });
}
