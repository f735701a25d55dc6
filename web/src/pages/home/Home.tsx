import { t } from "../../i18n";
import { lazy } from "../../lib/lazy";
import { useMe } from "../../session";
import { FirstSteps } from "./FirstSteps";

// The figures, the live stream and the chart download with this page, not with the app shell.
const Dashboard = lazy(() => import("./Dashboard"));

export default function Home() {
  const me = useMe();
  return (
    <div class="stack">
      <h1>{t("home.greeting", { name: me.user.name })}</h1>
      <p class="lead">
        {t("home.role", {
          role: t(me.user.role === "owner" ? "role.owner" : "role.staff"),
          business: me.business.name,
        })}
      </p>
      {me.permissions.includes("settings.manage") ? <FirstSteps businessId={me.business.id} /> : null}
      {me.permissions.includes("dashboard.read") ? <Dashboard /> : null}
    </div>
  );
}
