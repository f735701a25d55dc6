import type { Role } from "@duka/contracts";

/** Who is asking, from the verified session: the first argument of every service call. */
export interface Ctx {
  businessId: string;
  userId: string;
  role: Role;
  /** The locations this user may act at; null means every location of the business. */
  locationIds: string[] | null;
  sessionId: string;
  business: {
    name: string;
    currency: string;
    timeZone: string;
    locale: string;
    country: string | null;
    shopCode: string;
  };
  userName: string;
}

/** Where and when a request happened: the audit log's "from where", and the service's "now". */
export interface RequestMeta {
  ip: string;
  userAgent?: string | undefined;
  now: Date;
}
