import type { CreateSaleBody, SyncAttentionItem, SyncItem } from "@duka/contracts";
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { Notice } from "../../components/Notice";
import type { OutboxEntry, SaleLabels } from "../../data/db";
import { get, send } from "../../data/endpoints";
import { forget, pending, queuedEntries, resend, sendNow } from "../../data/outbox";
import { t, useLocale } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formatterFor } from "../../lib/format";
import { useStore } from "../../lib/store";
import { useAction } from "../../lib/use-action";
import { useMe } from "../../session";
import { FixSale } from "./FixSale";
import "./outbox.css";

type Fmt = ReturnType<typeof formatterFor>;

/** One queued write in words: what it is, and its lines and customer for a sale. */
function describe(kind: string, content: unknown, entry: OutboxEntry | undefined, fmt: Fmt): string[] {
  const body = (content as { body?: unknown }).body ?? content;
  if (kind === "sale") {
    const sale = body as CreateSaleBody;
    const labels = entry?.labels;
    return [
      t("offline.kind.sale", { number: entry?.provisional ?? sale.offline?.provisional ?? "" }),
      ...sale.lines.map((l) =>
        [
          labels?.products[l.productId]?.name,
          `${fmt.number(l.quantity)} × ${l.unitPrice !== undefined ? fmt.money(l.unitPrice) : ""}`,
        ]
          .filter(Boolean)
          .join(" "),
      ),
      ...(labels?.customer ? [labels.customer.name] : []),
    ];
  }
  if (kind === "customer") return [t("offline.kind.customer", { name: (body as { name: string }).name })];
  return [t("offline.kind.repayment", { amount: fmt.money((body as { amount: number }).amount) })];
}

/** What this phone has not sent yet, and what the server refused: fix and send again, or discard. */
export default function Outbox() {
  const me = useMe();
  const fmt = formatterFor(me.business, useLocale());
  const counts = useStore(pending);
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [server, setServer] = useState<SyncAttentionItem[]>([]);
  const reload = async () => {
    setEntries(await queuedEntries());
    // Refused writes are kept on the server too, so the owner sees every phone's.
    await get("/sync/attention").then(
      (r) => setServer(r.items),
      () => undefined,
    );
  };
  useEffect(() => {
    void reload();
  }, [counts.count, counts.attention]);
  const send = useAction(async () => {
    if (!(await sendNow())) throw new Error(t("offline.list.stillOffline"));
    await reload();
  });
  const queued = entries.filter((e) => e.state === "queued");
  const local = new Map(entries.filter((e) => e.state === "attention").map((e) => [e.id, e]));
  const attention = [
    ...server.map((s) => ({ item: s, entry: local.get(s.id) })),
    ...[...local.values()]
      .filter((e) => !server.some((s) => s.id === e.id))
      .map((e) => ({ item: undefined, entry: e })),
  ];

  return (
    <div class="stack">
      <h1>{t("offline.list.title")}</h1>
      <p class="hint">{t("offline.list.intro")}</p>
      {queued.length === 0 ? (
        <p>{t("offline.list.empty")}</p>
      ) : (
        <ul class="list" aria-label={t("offline.list.title")}>
          {queued.map((e) => (
            <li key={e.id} class="outbox-item">
              {describe(e.kind, e.body, e, fmt).map((line) => (
                <span key={line}>{line}</span>
              ))}
              <span class="hint">{fmt.date(e.recordedAt, "dateTime")}</span>
            </li>
          ))}
        </ul>
      )}
      {send.error !== null && <Notice kind="info">{errorMessage(send.error)}</Notice>}
      {queued.length > 0 && (
        <Button busy={send.busy} busyLabel={t("offline.list.sending")} onClick={() => void send.run()}>
          {t("offline.list.sendNow")}
        </Button>
      )}
      {attention.length > 0 && (
        <section class="stack" aria-labelledby="attention-title">
          <h2 id="attention-title">{t("offline.attention.title")}</h2>
          <p class="hint">{t("offline.attention.intro")}</p>
          <ul class="list">
            {attention.map(({ item, entry }) => (
              <li key={item?.id ?? entry?.id} class="outbox-item stack">
                <Refused item={item} entry={entry} fmt={fmt} owner={me.user.role === "owner"} onDone={reload} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function Refused({
  item,
  entry,
  fmt,
  owner,
  onDone,
}: {
  item: SyncAttentionItem | undefined;
  entry: OutboxEntry | undefined;
  fmt: Fmt;
  owner: boolean;
  onDone: () => Promise<void>;
}) {
  const [discarding, setDiscarding] = useState(false);
  const [fixing, setFixing] = useState(false);
  const [reason, setReason] = useState("");
  const id = item?.id ?? entry?.id ?? "";
  const kind = item?.kind ?? entry?.kind ?? "sale";
  // The server's reason, in the reader's language when the catalogue has its code.
  const code = item?.code ?? entry?.error?.code ?? "";
  const message = errorMessage(
    new ApiError(entry?.error?.status ?? 400, code, item?.message ?? entry?.error?.message ?? ""),
  );
  const again = useAction(async () => {
    if (entry?.seq !== undefined) await resend(entry.seq);
    else if (item) await send("POST /sync", { body: { items: [item.content as SyncItem] } });
    await sendNow();
    await onDone();
  });
  // The sale as changed here, in the queue at its place (this phone's), or sent straight (another's).
  const fix = useAction(async (body: CreateSaleBody, labels: SaleLabels) => {
    if (entry?.seq !== undefined) await resend(entry.seq, { body, labels });
    else if (item) await send("POST /sync", { body: { items: [{ ...(item.content as SyncItem), body } as SyncItem] } });
    await sendNow();
    setFixing(false);
    await onDone();
  });
  const accept = useAction(async () => {
    await send("POST /sync/attention/:id/accept", { params: { id } });
    if (entry?.seq !== undefined) await forget(entry.seq);
    await onDone();
  });
  const discard = useAction(async () => {
    await send("POST /sync/attention/:id/discard", { params: { id }, body: { reason } });
    if (entry?.seq !== undefined) await forget(entry.seq);
    await onDone();
  });
  const error = again.error ?? fix.error ?? accept.error ?? discard.error;
  const sale =
    kind === "sale" ? (((item?.content as { body?: unknown })?.body ?? entry?.body) as CreateSaleBody) : null;
  return (
    <>
      {describe(kind, item?.content ?? entry?.body, entry, fmt).map((line) => (
        <span key={line}>{line}</span>
      ))}
      {item && (
        <span class="hint">
          {t("offline.attention.by", { name: item.staffName, time: fmt.date(item.createdAt, "dateTime") })}
        </span>
      )}
      <Notice kind="error">{message}</Notice>
      {error !== null && <Notice kind="error">{errorMessage(error)}</Notice>}
      <div class="actions">
        <Button
          variant="secondary"
          busy={again.busy}
          busyLabel={t("offline.list.sending")}
          onClick={() => void again.run()}
        >
          {t("offline.attention.sendAgain")}
        </Button>
        {sale && !fixing && (
          <Button variant="secondary" onClick={() => setFixing(true)}>
            {t("offline.attention.change")}
          </Button>
        )}
        {owner && item?.code === "offline_too_old" && (
          <Button
            variant="secondary"
            busy={accept.busy}
            busyLabel={t("offline.list.sending")}
            onClick={() => void accept.run()}
          >
            {t("offline.attention.accept")}
          </Button>
        )}
        <Button variant="secondary" onClick={() => setDiscarding(true)}>
          {t("offline.attention.discard")}
        </Button>
      </div>
      {sale && fixing && (
        <FixSale
          body={sale}
          labels={entry?.labels}
          busy={fix.busy}
          onSend={(body, labels) => void fix.run(body, labels)}
          onCancel={() => setFixing(false)}
        />
      )}
      {discarding && (
        <div class="stack">
          <Field
            id={`reason-${id}`}
            name="reason"
            label={t("offline.attention.reason")}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
            errors={discard.fieldErrors.reason}
          />
          <Button
            variant="danger"
            busy={discard.busy}
            busyLabel={t("offline.list.sending")}
            onClick={() => void discard.run()}
          >
            {t("offline.attention.confirmDiscard")}
          </Button>
        </div>
      )}
    </>
  );
}
