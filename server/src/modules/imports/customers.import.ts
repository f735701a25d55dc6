import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Tx } from "../../db/client.js";
import type { Ctx } from "../../lib/context.js";
import { normalisePhone } from "../customers/phone.js";
import { customersWithBalances } from "./customers-import.repository.js";
import { duplicates, Issues, text } from "./issues.js";
import { parseMoney } from "./numbers.js";
import type { Action } from "./products.commit.js";
import { opt } from "./products.validate.js";
import type { Cell, RawCustomer } from "./sources.js";

export interface CustomerRecord {
  row: number;
  name: string;
  phone?: string;
  email?: string;
  address?: string;
  creditLimit?: number;
  /** What the customer owes on the day of the import; negative: credit the shop holds for them. */
  openingBalance?: number;
}

const Email = z.email();

export function validateCustomers(ctx: Ctx, raw: RawCustomer[], decimalComma: boolean) {
  const issues = new Issues();
  const currency = ctx.business.currency;
  const amount = (row: number, cell: Cell | undefined, signed: boolean) => {
    if (!cell) return undefined;
    const negative = signed && /^\s*-/.test(cell.value);
    const parsed = parseMoney(negative ? cell.value.replace("-", "") : cell.value, currency, decimalComma);
    if (parsed.ok) return negative ? -parsed.value : parsed.value;
    issues.error(row, cell, parsed.code, `The amount ${parsed.message}`, parsed.params);
    return undefined;
  };
  const phones = new Map<number, Cell>();
  for (const r of raw) {
    if (!r.phone) continue;
    try {
      phones.set(r.row, { value: normalisePhone(r.phone.value, ctx.business.country), column: r.phone.column });
    } catch {
      issues.error(
        r.row,
        r.phone,
        "phone_unreadable",
        "This phone number cannot be read. Write it with its country code, like +254 712 345 678, or leave it empty.",
      );
    }
  }
  // The same number written two ways (0712…, +254712…) is one customer: compared once normalised.
  duplicates(issues, raw, (r) => phones.get(r.row), "phone number");
  const records: CustomerRecord[] = [];
  for (const r of raw) {
    const { row } = r;
    const name = text(issues, row, r.name, 120);
    if (!r.name)
      issues.error(
        row,
        null,
        "customer_name_missing",
        "This row has no customer name. Write the name, or delete the row.",
      );
    const email = text(issues, row, r.email, 200);
    if (email && !Email.safeParse(email).success) {
      issues.error(row, r.email ?? null, "email_invalid", "This is not an email address such as name@example.com.");
    }
    const record: CustomerRecord = {
      row,
      name: name ?? "",
      ...opt("phone", phones.get(row)?.value),
      ...opt("email", email?.toLowerCase()),
      ...opt("address", text(issues, row, r.address, 300)),
      ...opt("creditLimit", amount(row, r.creditLimit, false)),
      ...opt("openingBalance", amount(row, r.openingBalance, true)),
    };
    if (!issues.hasError(row)) records.push(record);
  }
  return { records, issues };
}

export interface ExistingCustomer {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  credit_limit: number | null;
  balance: number;
}

export interface PlannedCustomer {
  record: CustomerRecord;
  action: Action;
  id: string;
  /** The ledger entry that brings the balance to the file's figure. */
  balanceChange: number;
}

/** Matches rows to customers by phone (by exact name for a customer without one). */
export async function planCustomers(tx: Tx, ctx: Ctx, records: CustomerRecord[], issues: Issues) {
  const existing = await customersWithBalances(tx, ctx.businessId);
  const byPhone = new Map(existing.flatMap((c) => (c.phone ? [[c.phone, c] as const] : [])));
  const byName = new Map(existing.filter((c) => !c.phone).map((c) => [c.name, c]));
  const claimed = new Map<string, number>();
  const items: PlannedCustomer[] = [];
  for (const record of records) {
    const match = record.phone ? byPhone.get(record.phone) : byName.get(record.name);
    if (match) {
      const first = claimed.get(match.id);
      if (first !== undefined) {
        issues.error(
          record.row,
          null,
          "same_as_row",
          `This row and row ${first} are both "${match.name}". Keep one of them.`,
          {
            row: first,
            name: match.name,
          },
        );
        continue;
      }
      claimed.set(match.id, record.row);
    }
    const balanceChange = record.openingBalance === undefined ? 0 : record.openingBalance - (match?.balance ?? 0);
    const differs =
      !match ||
      balanceChange !== 0 ||
      record.name !== match.name ||
      (record.email !== undefined && record.email !== match.email) ||
      (record.address !== undefined && record.address !== match.address) ||
      (record.creditLimit !== undefined && record.creditLimit !== match.credit_limit);
    const action: Action = !match ? "new" : differs ? "update" : "unchanged";
    items.push({ record, action, id: match?.id ?? randomUUID(), balanceChange });
  }
  return { items };
}

export function customerPreview(item: PlannedCustomer) {
  const r = item.record;
  return {
    row: r.row,
    action: item.action,
    values: {
      name: r.name,
      phone: r.phone ?? null,
      email: r.email ?? null,
      address: r.address ?? null,
      creditLimit: r.creditLimit ?? null,
      openingBalance: r.openingBalance ?? null,
    },
  };
}
