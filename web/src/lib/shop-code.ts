/** The shop this device signs in to, kept after any sign-in so staff type its code once per phone. */
const KEY = "duka.shopCode";

export function rememberedShopCode(): string | undefined {
  try {
    return localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined; // storage can be blocked: the sign-in form then asks when it must
  }
}

export function rememberShopCode(code: string | undefined): void {
  try {
    if (code) localStorage.setItem(KEY, code);
    else localStorage.removeItem(KEY);
  } catch {
    // nothing to do: the code is asked again next time
  }
}
