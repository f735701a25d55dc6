import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { App } from "../../lib/http.js";
import { signUp, useTestApp } from "../../test/api.js";
import { fixture, uploadImport } from "../../test/imports.js";

/** The receipts-by-item fixture, with its refund receipt (1-1003) given to the customer of 1-1004. */
const withRefundCustomer = () =>
  fixture("loyverse-receipt-items.csv")
    .toString()
    .replace(
      "Main shop,Neema,,,,Closed\n15/03/2025 16:00",
      "Main shop,Neema,Wanjiku Kamau,+254712345678,,Closed\n15/03/2025 16:00",
    );

async function imported(app: App) {
  const owner = await signUp(app);
  const customer = await owner.post("/customers", { name: "Wanjiku Kamau", phone: "0712 345 678" });
  expect(customer.statusCode, customer.body).toBe(201);
  const res = await uploadImport(owner, "sales", { name: "receipts-by-item.csv", data: withRefundCustomer() });
  expect(res.statusCode, res.body).toBe(201);
  const done = await owner.post(`/imports/${res.json().id}/commit`, {});
  expect(done.statusCode, done.body).toBe(200);
  const list = (await owner.get("/sales?from=2025-03-14&to=2025-03-15")).json().items as {
    id: string;
    total: number;
    kind: string;
    imported: boolean;
  }[];
  return { owner, customerId: customer.json().id as string, list };
}

describe("imported past sales", () => {
  const t = useTestApp();

  it("cannot be voided or refunded: the old system's record stays as it was", async () => {
    const { owner, list } = await imported(t.app);
    const sale = list.find((s) => s.kind === "sale" && s.total === 240_00);
    if (!sale) throw new Error("the imported sale of 240.00 is missing");
    const detail = (await owner.get(`/sales/${sale.id}`)).json();
    expect(detail).toMatchObject({ imported: true, kind: "sale", externalRef: "1-1004", status: "completed" });
    const before = (await owner.get("/reports/daily?from=2025-03-15&to=2025-03-15&format=json")).json();

    const voided = await owner.post(`/sales/${sale.id}/void`, { reason: "typed twice" });
    expect(voided.statusCode, voided.body).toBe(409);
    expect(voided.json().error.code).toBe("sale_imported");
    expect(voided.json().error.message).toContain("old system");

    const refund = { id: randomUUID(), lines: [{ lineNo: 1, quantity: 1 }], reason: "stale bread" };
    const refunded = await owner.post(`/sales/${sale.id}/refunds`, refund);
    expect(refunded.statusCode, refunded.body).toBe(409);
    expect(refunded.json().error.code).toBe("sale_imported");

    expect((await owner.get(`/sales/${sale.id}`)).json()).toMatchObject({ status: "completed", refunded: 0 });
    expect((await owner.get("/reports/daily?from=2025-03-15&to=2025-03-15&format=json")).json()).toEqual(before);
  });

  it("a refund receipt reads negative in the sales list and the customer's history", async () => {
    const { owner, customerId, list } = await imported(t.app);
    const refund = list.find((s) => s.kind === "refund");
    expect(refund).toMatchObject({ total: -150_00, imported: true });
    // A Duka sale in the same list stays positive.
    expect(list.filter((s) => s.kind === "sale").every((s) => s.total > 0)).toBe(true);

    const history = (await owner.get(`/customers/${customerId}/sales`)).json();
    expect(history.items.map((s: { total: number; kind: string }) => [s.kind, s.total])).toEqual([
      ["sale", 240_00],
      ["refund", -150_00],
    ]);
    expect(history.summary).toMatchObject({
      totalSpent: 240_00 - 150_00,
      salesCount: 1,
      visits: 1,
      months: [{ month: "2025-03", salesCount: 1, total: 90_00 }],
    });
  });
});
