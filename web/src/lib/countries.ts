/**
 * The countries sign-up offers, each with the currency and time zone it proposes. Names come from
 * Intl in the reader's language, so adding a country is one line here, not a translation.
 */
export const COUNTRIES: readonly { code: string; currency: string; timeZone: string }[] = [
  { code: "KE", currency: "KES", timeZone: "Africa/Nairobi" },
  { code: "UG", currency: "UGX", timeZone: "Africa/Kampala" },
  { code: "TZ", currency: "TZS", timeZone: "Africa/Dar_es_Salaam" },
  { code: "RW", currency: "RWF", timeZone: "Africa/Kigali" },
  { code: "BI", currency: "BIF", timeZone: "Africa/Bujumbura" },
  { code: "ET", currency: "ETB", timeZone: "Africa/Addis_Ababa" },
  { code: "SO", currency: "SOS", timeZone: "Africa/Mogadishu" },
  { code: "SS", currency: "SSP", timeZone: "Africa/Juba" },
  { code: "CD", currency: "CDF", timeZone: "Africa/Kinshasa" },
  { code: "ZM", currency: "ZMW", timeZone: "Africa/Lusaka" },
  { code: "MW", currency: "MWK", timeZone: "Africa/Blantyre" },
  { code: "MZ", currency: "MZN", timeZone: "Africa/Maputo" },
  { code: "ZA", currency: "ZAR", timeZone: "Africa/Johannesburg" },
  { code: "NG", currency: "NGN", timeZone: "Africa/Lagos" },
  { code: "GH", currency: "GHS", timeZone: "Africa/Accra" },
  { code: "CI", currency: "XOF", timeZone: "Africa/Abidjan" },
  { code: "SN", currency: "XOF", timeZone: "Africa/Dakar" },
  { code: "ML", currency: "XOF", timeZone: "Africa/Bamako" },
  { code: "BF", currency: "XOF", timeZone: "Africa/Ouagadougou" },
  { code: "BJ", currency: "XOF", timeZone: "Africa/Porto-Novo" },
  { code: "TG", currency: "XOF", timeZone: "Africa/Lome" },
  { code: "NE", currency: "XOF", timeZone: "Africa/Niamey" },
  { code: "CM", currency: "XAF", timeZone: "Africa/Douala" },
  { code: "GA", currency: "XAF", timeZone: "Africa/Libreville" },
  { code: "CG", currency: "XAF", timeZone: "Africa/Brazzaville" },
  { code: "MG", currency: "MGA", timeZone: "Indian/Antananarivo" },
  { code: "EG", currency: "EGP", timeZone: "Africa/Cairo" },
  { code: "MA", currency: "MAD", timeZone: "Africa/Casablanca" },
  { code: "IN", currency: "INR", timeZone: "Asia/Kolkata" },
  { code: "GB", currency: "GBP", timeZone: "Europe/London" },
  { code: "FR", currency: "EUR", timeZone: "Europe/Paris" },
  { code: "US", currency: "USD", timeZone: "America/New_York" },
];

export const countryOf = (code: string | null | undefined) => COUNTRIES.find((c) => c.code === code);

/** The country a phone most likely sells in: its time zone first, then its language's region; Kenya else. */
export function proposedCountry(timeZone: string, languages: readonly string[]): string {
  const byZone = COUNTRIES.find((c) => c.timeZone === timeZone);
  if (byZone) return byZone.code;
  for (const tag of languages) {
    const region = tag.split(/[-_]/)[1]?.toUpperCase();
    if (region && countryOf(region)) return region;
  }
  return "KE";
}

/** Every IANA zone the browser knows, the given ones first when missing (old browsers). */
export function timeZoneList(...keep: string[]): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set([...keep.filter(Boolean), ...all])].sort();
}

/** Countries by name in the reader's language. */
export function countryOptions(locale: string): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: "region" });
  return COUNTRIES.map((c) => ({ code: c.code, name: names.of(c.code) ?? c.code })).sort((a, b) =>
    a.name.localeCompare(b.name, locale),
  );
}
