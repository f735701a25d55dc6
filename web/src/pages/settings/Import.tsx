import { useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import {
  commitImport,
  type ImportCounts,
  type ImportKind,
  type ImportPreview,
  listImports,
  templateUrl,
  uploadImport,
} from "../../api/imports";
import { Button } from "../../components/Button";
import { Notice } from "../../components/Notice";
import { useLoad } from "../../data/use-load";
import { t, useLocale } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formatterFor } from "../../lib/format";
import { Link } from "../../router";
import { useMe } from "../../session";
import { PreviewView, UploadProgress } from "./ImportPreview";
import { LoadState, Screen } from "./parts";
import "./import.css";

/** Where the result links to: what was created. */
const DONE_LINKS = {
  products: { href: "/stock", label: "imports.seeProducts" },
  customers: { href: "/customers", label: "imports.seeCustomers" },
  sales: { href: "/reports", label: "imports.seeReports" },
} as const;

type Step =
  | { name: "choose" }
  | { name: "preview"; preview: ImportPreview }
  | { name: "committing"; preview: ImportPreview }
  | { name: "done"; kind: ImportKind; counts: ImportCounts };

/** Settings → Bring in your data: a file in, its preview, the owner's confirmation, the result. */
export default function Import() {
  return (
    <Screen title={t("imports.title")} permission="data.import">
      <ImportFlow />
    </Screen>
  );
}

function ImportFlow() {
  const [kind, setKind] = useState<ImportKind>("products");
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ name: "choose" });
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sheets, setSheets] = useState<string[] | null>(null);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [historyTick, setHistoryTick] = useState(0);

  async function send(mapping?: Record<string, string>, chosenSheet = sheet) {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      const preview = await uploadImport(file, { kind, mapping, sheet: chosenSheet }, setProgress);
      setSheets(null);
      setStep({ name: "preview", preview });
    } catch (err) {
      const details = err instanceof ApiError ? (err.details as { sheets?: string[] } | undefined) : undefined;
      if (err instanceof ApiError && err.code === "choose_sheet" && details?.sheets) {
        setSheets(details.sheets);
        setSheet(details.sheets[0]);
      }
      setError(err);
    } finally {
      setProgress(null);
    }
  }

  async function commit(preview: ImportPreview, opts: { createLocations: boolean; skipErrors: boolean }) {
    setError(null);
    setStep({ name: "committing", preview });
    try {
      const done = await commitImport(preview.id, opts);
      setStep({ name: "done", kind: preview.kind, counts: done.counts });
      setHistoryTick((n) => n + 1);
    } catch (err) {
      setError(err);
      setStep({ name: "preview", preview });
    }
  }

  const restart = () => {
    setFile(null);
    setError(null);
    setSheets(null);
    setSheet(undefined);
    setStep({ name: "choose" });
  };

  return (
    <>
      {step.name === "choose" && (
        <section class="card stack" aria-labelledby="import-choose">
          <h2 id="import-choose" class="visually-hidden">
            {t("imports.title")}
          </h2>
          <p class="hint">{t("imports.intro")}</p>
          <fieldset class="stack import-kind">
            <legend>{t("imports.kind")}</legend>
            {(["products", "customers", "sales"] as const).map((k) => (
              <label key={k} class="check">
                <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />
                <span>{t(`imports.kind.${k}`)}</span>
              </label>
            ))}
          </fieldset>
          {kind === "sales" ? (
            <p class="hint">{t("imports.salesHint")}</p>
          ) : (
            <div class="import-templates">
              <span class="hint">{t("imports.templates")}</span>
              <a class="btn btn-secondary" href={templateUrl(kind, "csv")} download>
                {t("imports.templateCsv")}
              </a>
              <a class="btn btn-secondary" href={templateUrl(kind, "xlsx")} download>
                {t("imports.templateXlsx")}
              </a>
            </div>
          )}
          <div class="field">
            <label for="import-file">{t("imports.file")}</label>
            <input
              id="import-file"
              type="file"
              accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="import-file-hint"
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setSheets(null);
                setSheet(undefined);
                setError(null);
              }}
            />
            <p class="hint" id="import-file-hint">
              {t("imports.fileHint")}
            </p>
          </div>
          {sheets && (
            <div class="field">
              <label for="import-sheet">{t("imports.sheet")}</label>
              <select id="import-sheet" value={sheet} onChange={(e) => setSheet(e.currentTarget.value)}>
                {sheets.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
          )}
          {error !== null && <Notice kind="error">{errorMessage(error)}</Notice>}
          <UploadProgress fraction={progress} />
          <Button
            disabled={!file}
            busy={progress !== null}
            busyLabel={t("imports.reading")}
            onClick={() => void send()}
          >
            {t("imports.upload")}
          </Button>
        </section>
      )}
      {(step.name === "preview" || step.name === "committing") && (
        <PreviewView
          preview={step.preview}
          busy={step.name === "committing"}
          uploading={progress}
          error={error}
          onMapping={(mapping) => void send(mapping)}
          onCommit={(opts) => void commit(step.preview, opts)}
          onCancel={restart}
        />
      )}
      {step.name === "done" && (
        <section class="card stack" aria-labelledby="import-done">
          <h2 id="import-done">{t("imports.title")}</h2>
          <Notice kind="success">{t("imports.done", { ...step.counts })}</Notice>
          <Link class="btn btn-primary" href={DONE_LINKS[step.kind].href}>
            {t(DONE_LINKS[step.kind].label)}
          </Link>
          <Button variant="secondary" onClick={restart}>
            {t("imports.another")}
          </Button>
        </section>
      )}
      <History key={historyTick} />
    </>
  );
}

function History() {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const history = useLoad(listImports);
  return (
    <section class="card stack" aria-labelledby="import-history">
      <h2 id="import-history">{t("imports.history")}</h2>
      {!history.data ? (
        <LoadState error={history.error} retry={history.reload} />
      ) : history.data.items.length === 0 ? (
        <p class="hint">{t("imports.historyNone")}</p>
      ) : (
        <ul class="list">
          {history.data.items.map((h) => (
            <li key={h.id} class="list-item">
              <span class="list-main">
                <span class="list-title">{t(`imports.kind.${h.kind}`)}</span>
                <span class="list-sub">
                  {t("imports.historyItem", {
                    file: h.filename,
                    when: fmt.date(h.committedAt, "dateTime"),
                    who: h.userName ?? "",
                  })}
                </span>
                <span class="list-sub">{t("imports.counts", { ...h.counts })}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
