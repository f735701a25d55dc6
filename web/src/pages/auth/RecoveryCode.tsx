import { useState } from "preact/hooks";
import { Button } from "../../components/Button";
import { t } from "../../i18n";

/** The owner's recovery code, large and grouped for copying onto paper, with print and copy. */
export function RecoveryCode({ code }: { code: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <section class="card stack recovery-code" aria-labelledby="recovery-code-label">
      <p class="list-title" id="recovery-code-label">
        {t("auth.recovery.label")}
      </p>
      <output class="recovery-code-value" aria-labelledby="recovery-code-label">
        {code}
      </output>
      <div class="recovery-code-actions no-print">
        <Button variant="secondary" onClick={() => window.print()}>
          {t("auth.recovery.print")}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            navigator.clipboard?.writeText(code).then(
              () => setCopied(true),
              () => setCopied(false), // blocked clipboard: the code is on screen to copy by hand
            );
          }}
        >
          {t("auth.recovery.copy")}
        </Button>
      </div>
      {copied && (
        <p class="hint" role="status">
          {t("auth.recovery.copied")}
        </p>
      )}
    </section>
  );
}
