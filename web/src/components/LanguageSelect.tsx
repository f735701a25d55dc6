import { LANGUAGES, type Locale, setLocale, t, useLocale } from "../i18n";

/** The language switcher: each language named in itself, so anyone can find theirs. */
export function LanguageSelect() {
  const locale = useLocale();
  return (
    <div class="field">
      <label for="f-language">{t("more.language")}</label>
      <select id="f-language" value={locale} onChange={(e) => void setLocale(e.currentTarget.value as Locale, true)}>
        {Object.entries(LANGUAGES).map(([code, lang]) => (
          <option key={code} value={code} lang={code}>
            {lang.name}
          </option>
        ))}
      </select>
    </div>
  );
}
