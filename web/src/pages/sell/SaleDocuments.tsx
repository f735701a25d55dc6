import { useRef, useState } from "preact/hooks";
import { type Document, deleteDocument, documentUrl, listSaleDocuments, uploadSaleDocument } from "../../api/documents";
import { Notice } from "../../components/Notice";
import { Spinner } from "../../components/Spinner";
import { useLoad } from "../../data/use-load";
import { t, useLocale } from "../../i18n";
import { downsizeForUpload } from "../../lib/downsize";
import { errorMessage } from "../../lib/errors";
import { formatterFor } from "../../lib/format";
import { useMe } from "../../session";

type Step = { kind: "idle" } | { kind: "preparing" } | { kind: "uploading"; percent: number };
type Message = { kind: "success" | "error"; text: string } | null;

/**
 * The photos and PDFs kept with a sale (a signed delivery note, a mobile-money screenshot): taken
 * with the phone's camera, made smaller here, sent with visible progress, and listed for download.
 * The generated PDF receipt has its own link, so only what people attached is listed.
 */
export function SaleDocuments({ saleId }: { saleId: string }) {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const docs = useLoad(() => listSaleDocuments(saleId), [saleId]);
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [message, setMessage] = useState<Message>(null);
  const input = useRef<HTMLInputElement>(null);
  const canWrite = me.permissions.includes("documents.write");
  const canDelete = me.permissions.includes("documents.delete");
  const attached = (docs.data?.items ?? []).filter((d) => d.kind === "document");

  async function attach(file: File | undefined) {
    if (!file) return;
    setMessage(null);
    setStep({ kind: "preparing" });
    try {
      const { blob, filename } = await downsizeForUpload(file);
      setStep({ kind: "uploading", percent: 0 });
      const doc = await uploadSaleDocument(saleId, blob, filename, (f) =>
        setStep({ kind: "uploading", percent: Math.round(f * 100) }),
      );
      setMessage({ kind: "success", text: t("docs.uploaded", { name: doc.filename }) });
      docs.reload();
    } catch (err) {
      setMessage({ kind: "error", text: errorMessage(err) });
    } finally {
      setStep({ kind: "idle" });
      // The same file can be chosen again after a failure.
      if (input.current) input.current.value = "";
    }
  }

  async function remove(doc: Document) {
    if (!confirm(t("docs.confirmDelete", { name: doc.filename }))) return;
    setMessage(null);
    try {
      await deleteDocument(doc.id);
      setMessage({ kind: "success", text: t("docs.deleted", { name: doc.filename }) });
      docs.reload();
    } catch (err) {
      setMessage({ kind: "error", text: errorMessage(err) });
    }
  }

  const busy = step.kind !== "idle";
  return (
    <section class="card stack sale-docs" aria-labelledby="sale-docs-title">
      <h2 id="sale-docs-title">{t("docs.title")}</h2>
      {canWrite && (
        <div class="field">
          <input
            ref={input}
            id="sale-docs-file"
            class="sale-docs-input"
            type="file"
            accept="image/*,application/pdf"
            capture="environment"
            aria-describedby="sale-docs-hint"
            disabled={busy}
            onChange={(e) => void attach(e.currentTarget.files?.[0])}
          />
          {/* The label is the big button; the input before it keeps keyboard focus, shown on the label. */}
          <label for="sale-docs-file" class={`btn btn-secondary sale-docs-pick${busy ? " is-busy" : ""}`}>
            {t("docs.attach")}
          </label>
          <p id="sale-docs-hint" class="hint">
            {t("docs.attachHint")}
          </p>
        </div>
      )}
      {step.kind === "preparing" && <Spinner label={t("docs.preparing")} />}
      {step.kind === "uploading" && (
        <div class="stack">
          <label for="sale-docs-progress">{t("docs.uploading", { percent: step.percent })}</label>
          <progress id="sale-docs-progress" max={100} value={step.percent} aria-label={t("docs.progress")} />
        </div>
      )}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {docs.error !== undefined && !docs.data && <Notice kind="error">{errorMessage(docs.error)}</Notice>}
      {docs.data && attached.length === 0 && <p class="hint">{t("docs.none")}</p>}
      {attached.length > 0 && (
        <ul class="sale-docs-list" aria-label={t("docs.list")}>
          {attached.map((d) => (
            <li key={d.id}>
              <a class="sale-docs-link" href={documentUrl(d.id)} download={d.filename}>
                <span>{d.filename}</span>
                <span class="hint">
                  {t("docs.meta", { size: fmt.bytes(d.size), when: fmt.date(d.createdAt, "dateTime") })}
                </span>
              </a>
              {canDelete && (
                <button
                  type="button"
                  class="btn btn-danger sale-docs-delete"
                  aria-label={t("docs.delete", { name: d.filename })}
                  onClick={() => void remove(d)}
                >
                  {t("docs.remove")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
