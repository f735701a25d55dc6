import type { JSX } from "preact";
import { createStore, useStore } from "./lib/store";

/** The current path. A hand-made router: the app has a handful of screens and every byte counts. */
const path = createStore(location.pathname);
addEventListener("popstate", () => path.set(location.pathname));

export function navigate(to: string, replace = false) {
  if (to === location.pathname) return;
  if (replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  path.set(to);
  scrollTo(0, 0);
}

export const usePath = () => useStore(path);

/** A normal link that changes screens without reloading; modified clicks still open new tabs. */
export function Link({ href, ...rest }: JSX.AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const onClick = (e: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a {...rest} href={href} onClick={onClick} />;
}

/** Props every screen receives: the `:name` parts of its route pattern. */
export interface ScreenProps {
  params: Record<string, string>;
}

/** Finds the route whose pattern ("/stock/products/:id") matches the path, with its parameters. */
export function matchRoute<T>(
  routes: Record<string, T>,
  pathname: string,
): { route: T; params: Record<string, string> } | undefined {
  const exact = routes[pathname];
  if (exact) return { route: exact, params: {} };
  const parts = pathname.split("/");
  for (const [pattern, route] of Object.entries(routes)) {
    const want = pattern.split("/");
    if (want.length !== parts.length || !pattern.includes(":")) continue;
    const params: Record<string, string> = {};
    const ok = want.every((seg, i) => {
      const got = parts[i] ?? "";
      if (seg.startsWith(":")) {
        params[seg.slice(1)] = decodeURIComponent(got);
        return got.length > 0;
      }
      return seg === got;
    });
    if (ok) return { route, params };
  }
  return undefined;
}
