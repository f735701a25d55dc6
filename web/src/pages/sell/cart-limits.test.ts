import { MAX_LINE_QUANTITY as SERVER_MAX } from "@duka/contracts";
import { describe, expect, it } from "vitest";
import { addProduct, emptyCart, MAX_LINE_QUANTITY } from "./cart";

describe("the till's quantity cap", () => {
  it("is the server's, so the till refuses what the server would", () => {
    expect(MAX_LINE_QUANTITY).toBe(SERVER_MAX);
  });

  it("never adds a line past the cap, however many taps", () => {
    const tea = { id: "p1", name: "Tea", price: 100, unit: "pcs" } as Parameters<typeof addProduct>[1];
    const full = addProduct(emptyCart(), tea, MAX_LINE_QUANTITY);
    expect(addProduct(full, tea).lines[0]?.quantity).toBe(MAX_LINE_QUANTITY);
  });
});
