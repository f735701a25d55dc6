import { z } from "zod";
import { Id, Instant, Name } from "./common.js";

export const LocationItem = z.object({
  id: Id,
  name: z.string(),
  address: z.string().nullable(),
  active: z.boolean(),
  createdAt: Instant,
});
export type LocationItem = z.infer<typeof LocationItem>;

export const LocationList = z.object({ items: z.array(LocationItem) });

const Address = z.string().trim().max(300, "must be at most 300 characters");

export const CreateLocationBody = z.object({ name: Name(), address: Address.optional() });
export type CreateLocationBody = z.input<typeof CreateLocationBody>;

export const UpdateLocationBody = z.object({
  name: Name().optional(),
  address: Address.nullable().optional(),
  active: z.boolean().optional(),
});
export type UpdateLocationBody = z.input<typeof UpdateLocationBody>;
