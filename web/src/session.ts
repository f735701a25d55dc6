import { fetchMe, logOut, type Me } from "./api/auth";
import { ApiError, setUnauthorizedHandler } from "./api/client";
import { dropMemory, forgetAll, load, startScope } from "./data/cache";
import { refreshCatalogue, setCatalogueScope } from "./data/catalogue";
import { db } from "./data/db";
import { startOutbox, stopOutbox } from "./data/outbox";
import { preferredLocale, setLocale } from "./i18n";
import { rememberShopCode } from "./lib/shop-code";
import { createStore, useStore } from "./lib/store";

/** Who is using the app. The server's cookie remembers the session; the shell just asks /me. */
export type Session =
  | { status: "loading" }
  | { status: "unreachable" }
  | { status: "signedOut"; justSignedOut?: boolean }
  | { status: "signedIn"; me: Me; offline?: boolean };

export const session = createStore<Session>({ status: "loading" });

// A 401 answers a request made before signing out (the live stream's check, say) as well as a session
// that ended elsewhere: once signed out, it must not wipe the "you have signed out" notice.
setUnauthorizedHandler(() => {
  if (session.get().status === "signedOut") return;
  // The session ended (expired, or signed out elsewhere): this phone keeps its saved copy and its
  // unsent writes for the same person signing in again; nothing stays on screen meanwhile.
  dropMemory();
  stopOutbox();
  setCatalogueScope(undefined);
  void db().then((d) => d?.delete("session", "me"));
  session.set({ status: "signedOut" });
});

/** The last signed-in user, kept on the phone so the app opens with no network. */
const savedMe = async () => (await (await db())?.get("session", "me"))?.me;
const saveMe = async (me: Me) => (await db())?.put("session", { me, at: Date.now() }, "me");

// Whatever changes the signed-in user (a renamed business) is what the app opens with next time.
session.subscribe(() => {
  const current = session.get();
  if (current.status === "signedIn" && !current.offline) void saveMe(current.me);
});

export async function signedIn(me: Me, offline = false): Promise<void> {
  rememberShopCode(me.business.shopCode);
  await setLocale(preferredLocale(me.business.locale));
  await startScope(me);
  setCatalogueScope(`${me.user.id}:${me.business.id}`);
  session.set({ status: "signedIn", me, offline });
  // The till's offline copy of products and customers, and the writes this user queued earlier.
  startOutbox({ userId: me.user.id, businessId: me.business.id });
  void refreshCatalogue().catch(() => undefined);
  if (!offline) void load("/business");
}

export async function loadSession(): Promise<void> {
  session.set({ status: "loading" });
  try {
    await signedIn(await fetchMe());
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      await setLocale(preferredLocale());
      session.set({ status: "signedOut" });
    } else {
      // Out of reach: the last session opens the app on what the phone saved.
      const me = await savedMe().catch(() => undefined);
      if (me) await signedIn(me, true);
      else session.set({ status: "unreachable" });
    }
  }
}

export async function signOut(): Promise<void> {
  try {
    await logOut();
  } catch (err) {
    // Already signed out on the server is still signed out; anything else the caller shows.
    if (!(err instanceof ApiError && err.status === 401)) throw err;
  }
  stopOutbox();
  setCatalogueScope(undefined);
  await forgetAll();
  await (await db())?.delete("session", "me");
  session.set({ status: "signedOut", justSignedOut: true });
}

/** The signed-in user and business, for screens inside the signed-in shell. */
export function useMe(): Me {
  const current = useStore(session);
  if (current.status !== "signedIn") throw new Error("useMe outside the signed-in shell");
  return current.me;
}
