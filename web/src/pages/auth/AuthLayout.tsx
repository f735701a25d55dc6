import type { ComponentChildren } from "preact";
import { LanguageSelect } from "../../components/LanguageSelect";
import { t } from "../../i18n";

/** The frame of the signed-out screens: the brand, the form, and the language choice below. */
export function AuthLayout({ title, intro, children }: { title: string; intro: string; children: ComponentChildren }) {
  return (
    <div class="auth">
      <header class="auth-brand">
        <img src="/icons/icon.svg" alt="" width="48" height="48" />
        <span>{t("app.name")}</span>
      </header>
      <main id="main" class="auth-main">
        <h1>{title}</h1>
        <p class="lead">{intro}</p>
        {children}
      </main>
      <footer class="auth-footer">
        <LanguageSelect />
      </footer>
    </div>
  );
}
