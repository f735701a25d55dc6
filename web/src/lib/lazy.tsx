import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Spinner } from "../components/Spinner";
import { t } from "../i18n";

/**
 * A screen whose code downloads the first time it is shown, so the first load stays small (the
 * service worker keeps every screen's file for offline when it installs). Once loaded it renders at once.
 */
export function lazy<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
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
