import "./admin.css";
import type { MessageKey } from "../../i18n";
import { t } from "../../i18n";
import { Link } from "../../router";

const LINKS: { href: string; labelKey: MessageKey; hintKey: MessageKey; permission: string }[] = [
  { href: "/more/staff", labelKey: "admin.staff.title", hintKey: "admin.links.staff", permission: "users.manage" },
  {
    href: "/more/locations",
    labelKey: "admin.locations.title",
    hintKey: "admin.links.locations",
    permission: "locations.manage",
  },
  {
    href: "/more/business",
    labelKey: "admin.business.title",
    hintKey: "admin.links.business",
    permission: "settings.manage",
  },
  {
    href: "/more/activity",
    labelKey: "admin.activity.title",
    hintKey: "admin.links.activity",
    permission: "audit.read",
  },
  {
    href: "/more/backups",
    labelKey: "admin.backups.title",
    hintKey: "admin.links.backups",
    permission: "backups.read",
  },
  { href: "/more/import", labelKey: "imports.title", hintKey: "imports.link", permission: "data.import" },
];

/** The owner's settings, each shown only to people whose role allows it; staff see none of them. */
export function AdminLinks({ permissions }: { permissions: readonly string[] }) {
  const links = LINKS.filter((l) => permissions.includes(l.permission));
  if (links.length === 0) return null;
  return (
    <section class="card stack" aria-labelledby="more-shop">
      <h2 id="more-shop">{t("admin.links.title")}</h2>
      <ul class="list">
        {links.map((l) => (
          <li key={l.href}>
            <Link class="list-item" href={l.href}>
              <span class="list-main">
                <span class="list-title">{t(l.labelKey)}</span>
                <span class="list-sub">{t(l.hintKey)}</span>
              </span>
              <span class="chev" aria-hidden="true">
                ›
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
