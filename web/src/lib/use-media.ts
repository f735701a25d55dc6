import { useEffect, useState } from "preact/hooks";

/** The width from which screens lay out side by side (the till's products beside its cart). */
export const WIDE = "(min-width: 1024px)";

/** Whether a media query matches now, updated as the window is resized or the phone turned. */
export function useMedia(query: string): boolean {
  const [matches, setMatches] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const list = matchMedia(query);
    const changed = () => setMatches(list.matches);
    changed();
    list.addEventListener("change", changed);
    return () => list.removeEventListener("change", changed);
  }, [query]);
  return matches;
}
