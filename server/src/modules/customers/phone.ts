import { type CountryCode, getCountryCallingCode, parsePhoneNumberFromString } from "libphonenumber-js";
import { badRequest } from "../../lib/errors.js";

function knownCountry(country: string | null): CountryCode | undefined {
  if (!country) return undefined;
  try {
    getCountryCallingCode(country as CountryCode);
    return country as CountryCode;
  } catch {
    return undefined;
  }
}

/** A phone number as typed → E.164 (+254712345678), read with the business's country as default. */
export function normalisePhone(input: string, country: string | null): string {
  const region = knownCountry(country);
  const parsed = parsePhoneNumberFromString(input, region ? { defaultCountry: region } : undefined);
  if (!parsed?.isValid()) {
    const hint = region
      ? "Check the digits, or write it with the country code, like +254 712 345 678."
      : "Write it with the country code, like +254 712 345 678.";
    throw badRequest(`"${input}" is not a valid phone number. ${hint}`, { fields: { phone: ["is not valid"] } });
  }
  return parsed.number;
}

/**
 * What a typed run of digits may be the start of, as E.164 prefixes: the international form
 * (+254712…, 254712…), the national form with its trunk 0 (0712…), or without it (712…).
 */
export function phonePrefixes(digits: string, typedPlus: boolean, country: string | null): string[] {
  const prefixes = new Set<string>();
  prefixes.add(`+${digits}`);
  const region = knownCountry(country);
  if (!typedPlus && region) {
    const code = getCountryCallingCode(region);
    prefixes.add(`+${code}${digits.replace(/^0+/, "")}`);
  }
  return [...prefixes];
}
