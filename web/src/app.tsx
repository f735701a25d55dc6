import { useEffect } from "preact/hooks";
import { Spinner } from "./components/Spinner";
import { t, useLocale } from "./i18n";
import { lazy } from "./lib/lazy";
import { useStore } from "./lib/store";
import SignIn from "./pages/auth/SignIn";
import { navigate, usePath } from "./router";
import { loadSession, session } from "./session";
import { AppShell } from "./shell/AppShell";

const SignUp = lazy(() => import("./pages/auth/SignUp"));
const Forgot = lazy(() => import("./pages/auth/Forgot"));
const Reset = lazy(() => import("./pages/auth/Reset"));
const AUTH_PATHS = ["/signin", "/signup", "/forgot", "/reset"];
/** Staff are sent to the till once per app start; after that Home stays reachable. */
let landed = false;

/** Chooses between the signed-out screens and the signed-in shell, from the session. */
export function App() {
  const current = useStore(session);
  const path = usePath();
  useLocale(); // the whole app re-renders in the new language

  useEffect(() => {
    if (current.status !== "signedIn") return;
    // Staff spend the day at the till: after sign-in (or opening the app at its start) they land there.
    const landing = current.me.user.role === "staff" && current.me.permissions.includes("sales.create") ? "/sell" : "/";
    if (AUTH_PATHS.includes(path) || (path === "/" && landing !== "/" && !landed)) navigate(landing, true);
    landed = true;
  }, [current.status, path]);

  switch (current.status) {
    case "loading":
      return <Spinner label={t("app.loading")} />;
    case "unreachable":
      return (
        <main id="main" class="stack center">
          <h1>{t("app.name")}</h1>
          <p role="alert">{t("app.offline")}</p>
          <button type="button" class="btn btn-primary" onClick={() => void loadSession()}>
            {t("app.retry")}
          </button>
        </main>
      );
    case "signedOut":
      if (path === "/signup") return <SignUp />;
      if (path === "/forgot") return <Forgot />;
      if (path === "/reset") return <Reset />;
      return <SignIn justSignedOut={current.justSignedOut} />;
    case "signedIn":
      return AUTH_PATHS.includes(path) ? <Spinner label={t("app.loading")} /> : <AppShell />;
  }
}
