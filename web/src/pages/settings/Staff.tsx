import { listLocations, listUsers } from "../../api/admin";
import { t } from "../../i18n";
import { Link } from "../../router";
import { useMe } from "../../session";
import { Badge, Flash, LoadState, Screen, useLoad } from "./parts";
import { roleName } from "./staff-fields";

const load = () => Promise.all([listUsers(), listLocations()]);

/** Everyone who can sign in to the business, and the way to add someone. */
export default function Staff() {
  return (
    <Screen title={t("admin.staff.title")} permission="users.manage">
      <StaffList />
    </Screen>
  );
}

function StaffList() {
  const me = useMe();
  const { data, error, reload } = useLoad(load);
  if (!data) return <LoadState error={error} retry={reload} />;
  const [users, locations] = data;
  const placeName = (id: string | null) =>
    id ? (locations.find((l) => l.id === id)?.name ?? t("admin.staff.anyLocation")) : t("admin.staff.anyLocation");
  return (
    <>
      <Flash />
      <p class="hint">{t("admin.staff.intro")}</p>
      <section class="card" aria-labelledby="shop-code">
        <p class="list-title" id="shop-code">
          {t("admin.staff.shopCode", { code: me.business.shopCode })}
        </p>
        <p class="hint">{t("admin.staff.shopCode.hint")}</p>
      </section>
      <Link class="btn btn-primary" href="/more/staff/new">
        {t("admin.staff.add")}
      </Link>
      <ul class="list" aria-label={t("admin.staff.title")}>
        {users.map((u) => (
          <li key={u.id}>
            <Link class="list-item" href={`/more/staff/${u.id}`}>
              <span class="list-main">
                <span class="list-title">
                  {u.name}
                  {u.id === me.user.id && <span class="hint"> {t("admin.staff.you")}</span>}
                </span>
                <span class="list-sub">{t("admin.staff.loginIs", { login: u.login })}</span>
                <span class="list-sub">
                  {t("admin.staff.roleAt", { role: roleName(u.role), place: placeName(u.locationId) })}
                </span>
              </span>
              <Badge on={u.active} onLabel={t("admin.active")} offLabel={t("admin.inactive")} />
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
