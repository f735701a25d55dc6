import { describe, expect, it } from "vitest";
import { mayCorrect } from "./sale-actions";

describe("the sale screen's Void and Refund", () => {
  const owner = ["sales.read", "sales.void"];
  it("are offered for a completed Duka sale to someone who may void", () => {
    expect(mayCorrect({ status: "completed", imported: false }, owner)).toBe(true);
    expect(mayCorrect({ status: "completed", imported: false }, ["sales.read"])).toBe(false);
    expect(mayCorrect({ status: "voided", imported: false }, owner)).toBe(false);
  });

  it("are never offered for a sale brought in from the old system", () => {
    expect(mayCorrect({ status: "completed", imported: true }, owner)).toBe(false);
  });
});
