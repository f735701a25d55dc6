import { useEffect } from "preact/hooks";
import { Icon } from "../components/Icon";
import { t } from "../i18n";
import { useLiveChanges } from "../lib/live";
import { useStore } from "../lib/store";
import { Link, matchRoute, usePath } from "../router";
import { useMe } from "../session";
import { NotFound } from "./NotFound";
import { activeNav, MORE_ITEM, type NavBadge, visibleNav } from "./nav";
import { ROUTES } from "./routes";

/** The signed-in frame: the business name on top, the screen, and the bottom bar under the thumb. */
export function AppShell() {
  const me = useMe();
  const path = usePath();
  const items = visibleNav(me.permissions);
  const active = activeNav([...items, MORE_ITEM], path);
  const match = matchRoute(ROUTES, path);
  const Screen = match?.route ?? NotFound;
  const badges = items.flatMap((item) => (item.badge ? [item.badge] : []));
  const refreshBadges = () => {
    if (document.visibilityState === "visible") for (const b of badges) void b.refresh();
  };
  useEffect(() => {
    // Counts are fetched when the app opens and again whenever the phone comes back to it…
    refreshBadges();
    document.addEventListener("visibilitychange", refreshBadges);
    return () => document.removeEventListener("visibilitychange", refreshBadges);
  }, [badges.length]);
  // …and whenever a sale or a stock movement anywhere in the business may have moved them.
  useLiveChanges(refreshBadges);
  return (
    <div class="shell">
      <a class="skip" href="#main">
        {t("app.skipToContent")}
      </a>
      <header class="topbar">
        <span class="topbar-title">{me.business.name}</span>
        <Link class="topbar-more" href={MORE_ITEM.path} aria-current={active === MORE_ITEM ? "page" : undefined}>
          <Icon name={MORE_ITEM.icon} />
          <span>{t(MORE_ITEM.labelKey)}</span>
        </Link>
      </header>
      <main id="main" class="content" tabIndex={-1}>
        <Screen params={match?.params ?? {}} />
      </main>
      <nav class="bottomnav" aria-label={t("app.mainNav")}>
        <ul>
          {items.map((item) => (
            <li key={item.path}>
              <Link href={item.path} aria-current={item === active ? "page" : undefined}>
                <Icon name={item.icon} />
                <span>{t(item.labelKey)}</span>
                {item.badge && <BadgeCount badge={item.badge} />}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

/** A count over a nav icon; hidden at zero. The number is read out with its meaning. */
function BadgeCount({ badge }: { badge: NavBadge }) {
  const count = useStore(badge.store);
  if (count <= 0) return null;
  return (
    <span class="nav-badge">
      <span aria-hidden="true">{count > 99 ? "99+" : count}</span>
      <span class="sr-only">{t(badge.labelKey, { count })}</span>
    </span>
  );
}
