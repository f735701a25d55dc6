import { DEFAULT_BUSINESS_SETTINGS } from "@duka/contracts";
import { describe, expect, it } from "vitest";
import { inBusiness } from "../../db/tenancy.js";
import { logIn, PASSWORD, signUp, uniqueLogin, useTestApp } from "../../test/api.js";
import { getBusinessSettings } from "./business.service.js";

describe("business settings", () => {
  const t = useTestApp();

  it("answers every signed-in user with the business and full default settings", async () => {
    const owner = await signUp(t.app);
    const login = uniqueLogin("staff");
    await owner.post("/users", { name: "S", login, password: PASSWORD, role: "staff" });
    const staff = await logIn(t.app, login);
    const res = await staff.get("/business");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: "Mama Amina Shop", currency: "KES", timeZone: "Africa/Nairobi" });
    expect(res.json().settings).toEqual(DEFAULT_BUSINESS_SETTINGS);
    expect((await staff.patch("/business", { name: "Mine" })).statusCode).toBe(403);
  });

  it("lets the owner change details and some settings, keeping the rest", async () => {
    const owner = await signUp(t.app);
    const res = await owner.patch("/business", {
      name: "Amina Traders",
      timeZone: "Africa/Kampala",
      locale: "sw",
      country: "ug",
      settings: {
        allowNegativeStock: true,
        maxDiscountPercent: 25,
        paymentMethods: [{ method: "cash" }, { method: "mpesa", label: "M-Pesa" }, { method: "card", hidden: true }],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: "Amina Traders",
      timeZone: "Africa/Kampala",
      locale: "sw",
      country: "UG",
    });
    expect(res.json().settings).toMatchObject({
      allowNegativeStock: true,
      maxDiscountPercent: 25,
      staffMayDiscount: true,
    });
    const settings = await inBusiness(t.database.db, owner.me.business.id, (tx) =>
      getBusinessSettings(tx, owner.me.business.id),
    );
    expect(settings.paymentMethods.map((p) => p.method)).toEqual(["cash", "mpesa", "card"]);
    expect(settings.staffMayChangePrice).toBe(false);
    expect((await owner.get("/me")).json().business.name).toBe("Amina Traders");
    const audit = (await owner.get("/audit")).json().items[0];
    expect(audit).toMatchObject({
      action: "business.updated",
      details: { changed: ["name", "timeZone", "locale", "country", "settings"] },
    });
  });

  it("refuses invalid settings with a message naming the field", async () => {
    const owner = await signUp(t.app);
    const bad = [
      { timeZone: "Nowhere/City" },
      { settings: { maxDiscountPercent: 120 } },
      { settings: { paymentMethods: [] } },
      { settings: { paymentMethods: [{ method: "cash" }, { method: "cash" }] } },
      { settings: { paymentMethods: [{ method: "cash", hidden: true }] } },
      { settings: { paymentMethods: [{ method: "Cash Money" }] } },
    ];
    for (const body of bad) {
      const res = await owner.patch("/business", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe("invalid_input");
    }
    expect((await owner.get("/business")).json().settings).toEqual(DEFAULT_BUSINESS_SETTINGS);
  });
});
