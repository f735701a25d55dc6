import { z } from "zod";
import { Id, Locale, Name, Role } from "./common.js";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const Password = z
  .string({ message: "is required" })
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

/** Email, phone number or username; compared without case. */
export const Login = z
  .string({ message: "is required" })
  .trim()
  .min(3, "must be at least 3 characters")
  .max(120, "must be at most 120 characters")
  .regex(/^[^\s]+$/, "cannot contain spaces")
  .transform((s) => s.toLowerCase());

export const Currency = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, "must be a 3-letter currency code such as KES or USD")
  .transform((s) => s.toUpperCase())
  .refine(
    (c) => {
      try {
        new Intl.NumberFormat("en", { style: "currency", currency: c });
        return true;
      } catch {
        return false;
      }
    },
    { message: "is not a known currency" },
  );

export const TimeZone = z
  .string()
  .trim()
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return tz.length > 0;
      } catch {
        return false;
      }
    },
    { message: "must be a time zone such as Africa/Nairobi" },
  );

export const Country = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, "must be a 2-letter country code such as KE")
  .transform((s) => s.toUpperCase());

export const SignupBody = z.object({
  businessName: Name(),
  currency: Currency,
  timeZone: TimeZone,
  country: Country.optional(),
  locale: Locale.optional(),
  locationName: Name(),
  locationAddress: z.string().trim().max(300).optional(),
  ownerName: Name(),
  login: Login,
  password: Password,
});
export type SignupBody = z.input<typeof SignupBody>;

/** The short code of a shop (shown on the owner's staff page), typed once on a staff member's phone. */
export const ShopCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{6}$/, "must be the 6 letters and digits shown on the owner's staff page")
  .transform((s) => s.toUpperCase());

export const LoginBody = z.object({
  login: Login,
  /** Staff logins are unique within their shop: the phone sends the shop it remembers. */
  shopCode: ShopCode.optional(),
  password: z
    .string({ message: "is required" })
    .min(1, "is required")
    .max(PASSWORD_MAX * 4),
});
export type LoginBody = z.input<typeof LoginBody>;

export const MeUser = z.object({
  id: Id,
  name: z.string(),
  role: Role,
  businessId: Id,
  locationId: Id.nullable(),
});
export const MeBusiness = z.object({
  id: Id,
  name: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  locale: z.string(),
  country: z.string().nullable(),
  /** Kept on the device after a sign-in, so staff need not type it. */
  shopCode: z.string(),
});
export const MeResponse = z.object({
  user: MeUser,
  business: MeBusiness,
  permissions: z.array(z.string()),
});
export type MeResponse = z.infer<typeof MeResponse>;

/** At sign-up the owner gets a recovery code to write down: the way back in without email. */
export const SignupResponse = MeResponse.extend({ recoveryCode: z.string() });
export type SignupResponse = z.infer<typeof SignupResponse>;

/** Spaces and dashes are the reader's own; letters in any case. */
export const RecoveryCode = z
  .string({ message: "is required" })
  .max(64)
  .transform((s) => s.replace(/[\s-]/g, "").toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{16}$/, "must be the 16 letters and digits written down at sign-up"));

export const RecoverBody = z.object({ login: Login, recoveryCode: RecoveryCode, newPassword: Password });
export type RecoverBody = z.input<typeof RecoverBody>;
/** Using the code spends it: here is the next one to write down. */
export const RecoveryCodeResponse = z.object({ recoveryCode: z.string() });
export type RecoveryCodeResponse = z.infer<typeof RecoveryCodeResponse>;
/** A signed-in owner makes a new code (the old one stops working), proving the password first. */
export const NewRecoveryCodeBody = z.object({
  currentPassword: z.string({ message: "is required" }).min(1, "is required").max(512),
});

export const RecoveryOptions = z.object({ email: z.boolean() });
export const ForgotBody = z.object({ login: Login });
export const ResetBody = z.object({
  token: z
    .string()
    .min(20)
    .max(200)
    .regex(/^[\w.-]+$/, "is not a reset link's code"),
  newPassword: Password,
});
export type ResetBody = z.input<typeof ResetBody>;
