import { useState } from "preact/hooks";
import { t } from "../../i18n";

/** Find one sale by its receipt number or the customer's mobile-money code, whatever its day. */
export function SaleSearch({ searching, onSearch }: { searching: boolean; onSearch: (q: string) => void }) {
  const [q, setQ] = useState("");
  return (
    <form
      class="stack"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(q.trim());
      }}
    >
      <div class="field">
        <label for="sales-q">{t("sales.search")}</label>
        <div class="field-row">
          <input
            id="sales-q"
            type="search"
            value={q}
            maxLength={30}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            aria-describedby="sales-q-hint"
            onInput={(e) => setQ(e.currentTarget.value)}
          />
          <button type="submit" class="btn btn-secondary field-addon">
            {t("sales.search.go")}
          </button>
        </div>
        <p class="hint" id="sales-q-hint">
          {t("sales.search.hint")}
        </p>
      </div>
      {searching && (
        <button
          type="button"
          class="link-button"
          onClick={() => {
            setQ("");
            onSearch("");
          }}
        >
          {t("sales.search.clear")}
        </button>
      )}
    </form>
  );
}
