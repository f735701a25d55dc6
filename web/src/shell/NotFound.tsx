import { t } from "../i18n";
import { Link } from "../router";

export function NotFound() {
  return (
    <div class="stack">
      <h1>{t("notFound.title")}</h1>
      <Link class="btn btn-secondary" href="/">
        {t("notFound.back")}
      </Link>
    </div>
  );
}
