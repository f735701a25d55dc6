import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import { Button } from "../../components/Button";
import { Notice } from "../../components/Notice";
import { Spinner } from "../../components/Spinner";
import { forgetWithSession } from "../../data/cache";
import { t } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { createStore } from "../../lib/store";
import { Link } from "../../router";
import { useMe } from "../../session";
import "./admin.css";

const isForbidden = (err: unknown) => err instanceof ApiError && err.status === 403;

/** What a screen shows while its data loads or after it failed to; undefined once there is data. */
export function LoadState({ error, retry }: { error: unknown; retry: () => void }) {
  if (isForbidden(error)) return <NotAllowed />;
  if (error === null || error === undefined) return <Spinner label={t("app.loading")} />;
  return (
    <div class="stack">
      <Notice kind="error">{errorMessage(error)}</Notice>
      <Button variant="secondary" onClick={retry}>
        {t("app.retry")}
      </Button>
    </div>
  );
}

export function NotAllowed() {
  return (
    <Notice kind="error">
      <p>
        <strong>{t("admin.notAllowed.title")}</strong>
      </p>
      <p>{t("admin.notAllowed.body")}</p>
    </Notice>
  );
}

/** A settings screen: a way back, its title, and its body only for people whose role allows it. */
export function Screen({
  title,
  permission,
  back = "/more",
  backLabel,
  children,
}: {
  title: string;
  permission: string;
  back?: string;
  backLabel?: string;
  children: ComponentChildren;
}) {
  const me = useMe();
  return (
    <div class="stack">
      <Link class="back" href={back}>
        <span aria-hidden="true">←</span>
        {backLabel ?? t("admin.back.more")}
      </Link>
      <h1>{title}</h1>
      {me.permissions.includes(permission) ? children : <NotAllowed />}
    </div>
  );
}

export function Badge({ on, onLabel, offLabel }: { on: boolean; onLabel: string; offLabel: string }) {
  return <span class={`badge ${on ? "badge-on" : "badge-off"}`}>{on ? onLabel : offLabel}</span>;
}

/**
 * A second step for actions that are hard to undo: says what will happen, then asks again.
 * Inline rather than a modal, so it reads naturally on a small screen and with a screen reader.
 */
export function Confirm({
  message,
  confirmLabel,
  busyLabel,
  busy,
  danger = false,
  onConfirm,
  onCancel,
}: {
  message: string;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div class="confirm stack">
      <p ref={ref} tabIndex={-1}>
        {message}
      </p>
      <div class="actions">
        <Button variant={danger ? "danger" : "primary"} busy={busy} busyLabel={busyLabel} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {t("admin.cancel")}
        </Button>
      </div>
    </div>
  );
}

/** A success message that survives one change of screen ("Added Juma" on the list after the form). */
const flashStore = createStore<string | null>(null);
forgetWithSession(() => flashStore.set(null));
export const flash = (message: string) => flashStore.set(message);

export function Flash() {
  const [shown] = useState(() => flashStore.get());
  useEffect(() => flashStore.set(null), []);
  return shown ? <Notice kind="success">{shown}</Notice> : null;
}
