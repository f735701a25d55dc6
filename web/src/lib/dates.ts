/** Today's date (YYYY-MM-DD) on the business's calendar, wherever the phone is. */
export function todayIn(timeZone: string, at = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** The wall-clock time of an instant in a zone, as the YYYY-MM-DDTHH:mm a datetime-local input holds. */
export function localInputValue(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

/**
 * A time typed on the business's clock (YYYY-MM-DDTHH:mm) as a UTC instant, whatever zone the phone
 * is set to; undefined when it is not such a time. Guesses the zone's offset, then corrects it once,
 * which settles every zone outside the hour a clock change skips.
 */
export function zonedToInstant(value: string, timeZone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(wall)) return undefined;
  const offsetAt = (t: number) => {
    const shown = localInputValue(new Date(t), timeZone);
    return zonedWall(shown) - t;
  };
  let at = wall - offsetAt(wall);
  at = wall - offsetAt(at);
  return new Date(at);
}

const zonedWall = (value: string) => {
  const [date = "", time = ""] = value.split("T");
  const [y = 0, mo = 1, d = 1] = date.split("-").map(Number);
  const [h = 0, mi = 0] = time.split(":").map(Number);
  return Date.UTC(y, mo - 1, d, h, mi);
};
