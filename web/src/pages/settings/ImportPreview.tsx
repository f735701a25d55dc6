import { useState } from "preact/hooks";
import type { ImportPreview } from "../../api/imports";
import { Button } from "../../components/Button";
import { Notice } from "../../components/Notice";
import { hasMessage, type MessageKey, t, useLocale } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formatterFor } from "../../lib/format";
import { useMe } from "../../session";

interface Props {
  preview: ImportPreview;
  /** The commit is running. */
  busy: boolean;
  /** A re-upload with a new mapping is running. */
  uploading: number | null;
  error: unknown;
  onMapping: (mapping: Record<string, string>) => void;
  onCommit: (opts: { createLocations: boolean; skipErrors: boolean }) => void;
  onCancel: () => void;
}

type Issue = ImportPreview["errors"][number];

/** What the file will do, row by row, before anything is saved; the owner confirms or fixes the file. */
export function PreviewView({ preview, busy, uploading, error, onMapping, onCommit, onCancel }: Props) {
  const [createLocations, setCreateLocations] = useState(false);
  const [skipErrors, setSkipErrors] = useState(false);
  const { counts } = preview;
  const saving = counts.new + counts.update;
  const blocked =
    saving + counts.unchanged === 0 ||
    (counts.error > 0 && !skipErrors) ||
    (preview.newLocations.length > 0 && !createLocations);
  return (
    <>
      <section class="card stack" aria-labelledby="import-preview">
        <h2 id="import-preview">{preview.filename}</h2>
        <p>{t("imports.format", { format: t(`imports.format.${preview.format}` as MessageKey) })}</p>
        <p class="import-counts">{t("imports.counts", { ...counts })}</p>
        {preview.format === "mapped" && (
          <MappingEditor preview={preview} busy={uploading !== null} onMapping={onMapping} />
        )}
        <UploadProgress fraction={uploading} />
      </section>
      {preview.errors.length > 0 && (
        <IssueList
          id="import-errors"
          title={t("imports.errors")}
          hint={t("imports.errorsHint")}
          issues={preview.errors}
          kind="error"
        />
      )}
      {preview.warnings.length > 0 && (
        <IssueList id="import-warnings" title={t("imports.warnings")} issues={preview.warnings} kind="warning" />
      )}
      {preview.preview.length > 0 && <Rows preview={preview} />}
      <section class="card stack" aria-label={t("imports.commit", { count: saving })}>
        {preview.newLocations.length > 0 && (
          <>
            <Notice kind="info">{t("imports.newLocations", { names: preview.newLocations.join(", ") })}</Notice>
            <label class="check">
              <input
                type="checkbox"
                checked={createLocations}
                onChange={(e) => setCreateLocations(e.currentTarget.checked)}
              />
              <span>{t("imports.createLocations")}</span>
            </label>
          </>
        )}
        {counts.error > 0 && saving + counts.unchanged > 0 && (
          <label class="check">
            <input type="checkbox" checked={skipErrors} onChange={(e) => setSkipErrors(e.currentTarget.checked)} />
            <span>{t("imports.skipErrors")}</span>
          </label>
        )}
        {error !== null && <Notice kind="error">{errorMessage(error)}</Notice>}
        {busy && (
          <div class="stack import-progress">
            <progress aria-label={t("imports.progress")} />
            <span class="hint" aria-live="polite">
              {t("imports.committing")}
            </span>
          </div>
        )}
        <Button
          disabled={blocked}
          busy={busy}
          busyLabel={t("imports.committing")}
          onClick={() => onCommit({ createLocations, skipErrors })}
        >
          {t("imports.commit", { count: saving })}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={onCancel}>
          {t("imports.cancel")}
        </Button>
      </section>
    </>
  );
}

function MappingEditor({
  preview,
  busy,
  onMapping,
}: {
  preview: ImportPreview;
  busy: boolean;
  onMapping: Props["onMapping"];
}) {
  const [mapping, setMapping] = useState<Record<string, string>>(preview.mapping);
  return (
    <fieldset class="stack import-mapping">
      <legend>{t("imports.mapping")}</legend>
      <p class="hint">
        {preview.mappingSource === "remembered" ? t("imports.mappingRemembered") : t("imports.mappingHint")}
      </p>
      {preview.fields.map((field) => (
        <div class="field" key={field}>
          <label for={`map-${field}`}>{t(`imports.field.${field}` as MessageKey)}</label>
          <select
            id={`map-${field}`}
            value={mapping[field] ?? ""}
            onChange={(e) => {
              const { [field]: _old, ...rest } = mapping;
              const header = e.currentTarget.value;
              setMapping(header ? { ...rest, [field]: header } : rest);
            }}
          >
            <option value="">{t("imports.notInFile")}</option>
            {preview.headers.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </div>
      ))}
      <Button variant="secondary" busy={busy} busyLabel={t("imports.reading")} onClick={() => onMapping(mapping)}>
        {t("imports.applyMapping")}
      </Button>
    </fieldset>
  );
}

/** A row's problem in the shop's language, from its code and params; "choose_columns" names fields. */
function issueText(e: Issue): string {
  const key = `importIssue.${e.code}`;
  if (!hasMessage(key)) return e.message;
  if (e.code !== "choose_columns") return t(key, e.params);
  const fields = String(e.params?.fields ?? "")
    .split(",")
    .filter(Boolean)
    .map((f) => (hasMessage(`imports.field.${f}`) ? t(`imports.field.${f}` as MessageKey) : f));
  return t(key, { fields: fields.join(", ") });
}

function IssueList(props: { id: string; title: string; hint?: string; issues: Issue[]; kind: "error" | "warning" }) {
  return (
    <section class={`card stack import-issues import-${props.kind}`} aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.hint && <p class="hint">{props.hint}</p>}
      <ul class="list">
        {props.issues.map((e, i) => (
          <li key={`${e.row}-${i}`} class="import-issue">
            <strong>{t("imports.rowLabel", { row: e.row })}</strong>
            {e.column && <span class="import-column"> · {e.column}</span>}
            {e.value && <span class="import-value"> · “{e.value}”</span>}
            <span class="import-message">{issueText(e)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Rows({ preview }: { preview: ImportPreview }) {
  const fmt = formatterFor(useMe().business, useLocale());
  const money = (v: unknown) => (typeof v === "number" ? fmt.money(v) : null);
  return (
    <section class="card stack" aria-labelledby="import-rows">
      <h2 id="import-rows">{t("imports.rows")}</h2>
      <ul class="list">
        {preview.preview.map((r) => {
          const v = r.values;
          const details =
            preview.kind === "products"
              ? [v.priceAtSale ? t("imports.priceAtSale") : money(v.price), v.sku, v.category, v.stock]
              : preview.kind === "sales"
                ? [
                    typeof v.date === "string" ? fmt.date(v.date, "dateTime") : null,
                    v.kind === "refund" ? `${t("imports.refund")} ${money(v.total)}` : money(v.total),
                    v.voided ? t("imports.voided") : null,
                    v.paymentMethod,
                    v.cashier,
                  ]
                : [v.phone, v.email, typeof v.openingBalance === "number" ? money(v.openingBalance) : null];
          const title = preview.kind === "sales" ? [v.receipt, v.register].filter(Boolean).join(" · ") : v.name;
          return (
            <li key={r.row} class="list-item">
              <span class="list-main">
                <span class="list-title">{String(title ?? "")}</span>
                <span class="list-sub">{details.filter((d) => d !== null && d !== "").join(" · ")}</span>
              </span>
              <span class={`badge import-action-${r.action}`}>{t(`imports.action.${r.action}`)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function UploadProgress({ fraction }: { fraction: number | null }) {
  if (fraction === null) return null;
  const percent = Math.round(fraction * 100);
  return (
    <div class="stack import-progress">
      <progress max={100} value={percent} aria-label={t("imports.progress")} />
      <span class="hint" aria-live="polite">
        {percent < 100 ? t("imports.uploading", { percent }) : t("imports.reading")}
      </span>
    </div>
  );
}
