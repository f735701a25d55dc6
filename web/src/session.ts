import { fetchMe, logOut, type Me } from "./api/auth";
import { ApiError, setUnauthorizedHandler } from "./api/client";
import { preferredLocale, setLocale } from "./i18n";
import { rememberShopCode } from "./lib/shop-code";
import { createStore, useStore } from "./lib/store";

/** Who is using the app. The server's cookie remembers the session; the shell just asks /me. */
export type Session =
  | { status: "loading" }
  | { status: "unreachable" }
  | { status: "signedOut"; justSignedOut?: boolean }
  | { status: "signedIn"; me: Me };

export const session = createStore<Session>({ status: "loading" });

// A 401 answers a request made before signing out (the live stream's check, say) as well as a session
// that ended elsewhere: once signed out, it must not wipe the "you have signed out" notice.
setUnauthorizedHandler(() => {
  if (session.get().status !== "signedOut") session.set({ status: "signedOut" });
});

export async function signedIn(me: Me): Promise<void> {
  rememberShopCode(me.business.shopCode);
  await setLocale(preferredLocale(me.business.locale));
  session.set({ status: "signedIn", me });
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
      session.set({ status: "unreachable" });
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
  session.set({ status: "signedOut", justSignedOut: true });
}

/** The signed-in user and business, for screens inside the signed-in shell. */
export function useMe(): Me {
  const current = useStore(session);
  if (current.status !== "signedIn") throw new Error("useMe outside the signed-in shell");
  return current.me;
}
