import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Spinner } from "../components/Spinner";
import { t } from "../i18n";

const screens = new Set<() => Promise<unknown>>();

/**
 * Fetches every screen's code once the service worker is in charge, which keeps it: the till and
 * the screens it leads to then open with no network, even those not visited yet. Later than the
 * first screen, so the first load stays small.
 */
export function keepScreensForOffline(): void {
  if (!("serviceWorker" in navigator) || !import.meta.env.PROD) return;
  void navigator.serviceWorker.ready.then(() =>
    setTimeout(() => {
      if (!navigator.serviceWorker.controller || !navigator.onLine) return;
      for (const load of screens) void load().catch(() => undefined);
    }, 2000),
  );
}

/**
 * A screen whose code downloads the first time it is shown, so the first load stays small.
 * Once loaded it renders at once.
 */
export function lazy<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  screens.add(load);
  return function Lazy(props: P) {
    const [Component, setComponent] = useState(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Component || failed) return;
      load().then(
        (m) => {
          loaded = m.default;
          setComponent(() => m.default);
        },
        () => setFailed(true),
      );
    }, [Component, failed]);
    if (Component) return <Component {...props} />;
    if (failed) {
      return (
        <div class="stack center" role="alert">
          <p>{t("app.offline")}</p>
          <button type="button" class="btn" onClick={() => setFailed(false)}>
            {t("app.retry")}
          </button>
        </div>
      );
    }
    return <Spinner label={t("app.loading")} />;
  };
}
