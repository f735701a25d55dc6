import { z } from "zod";
import { Login, Password } from "./auth.js";
import { Id, Instant, Name, Role } from "./common.js";

/** A person who signs in to the business; never carries the password hash. */
export const UserItem = z.object({
  id: Id,
  name: z.string(),
  login: z.string(),
  role: Role,
  active: z.boolean(),
  locationId: Id.nullable(),
  createdAt: Instant,
});
export type UserItem = z.infer<typeof UserItem>;

export const UserList = z.object({ items: z.array(UserItem) });

export const CreateUserBody = z.object({
  name: Name(),
  login: Login,
  password: Password,
  role: Role,
  locationId: Id.optional(),
});
export type CreateUserBody = z.input<typeof CreateUserBody>;

export const UpdateUserBody = z.object({
  name: Name().optional(),
  role: Role.optional(),
  /** null: the user may work at every location. */
  locationId: Id.nullable().optional(),
  active: z.boolean().optional(),
});
export type UpdateUserBody = z.input<typeof UpdateUserBody>;

export const ResetPasswordBody = z.object({ password: Password });
export type ResetPasswordBody = z.input<typeof ResetPasswordBody>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string({ message: "is required" }).min(1, "is required").max(512),
  newPassword: Password,
});
export type ChangePasswordBody = z.input<typeof ChangePasswordBody>;

export const IdParams = z.object({ id: Id });
