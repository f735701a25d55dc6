import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { useTestApp } from "../../test/api.js";
import { seedBusiness } from "../../test/backups.js";
import { addStaff } from "../../test/fixtures.js";

/** Every file in a zip, by name, as text. */
function unzip(data: Buffer): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const files: Record<string, string> = {};
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, async (e, stream) => {
          if (e || !stream) return reject(e);
          files[entry.fileName] = Buffer.concat(await stream.toArray()).toString("utf8");
          zip.readEntry();
        });
      });
      zip.on("end", () => resolve(files));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

describe("GET /export.zip", () => {
  const t = useTestApp();

  it("gives the owner one CSV per table with their business's rows only, and no secrets", async () => {
    const mine = await seedBusiness(t, "Mama Zawadi Store");
    const theirs = await seedBusiness(t, "Baba Otieno Kiosk");
    const res = await mine.owner.request("GET", "/export.zip");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="duka-export-\d{4}-\d{2}-\d{2}\.zip"$/);
    const files = await unzip(res.rawPayload);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["README.txt", "products.csv", "customers.csv"]));
    expect(Object.keys(files)).not.toContain("sessions.csv");
    const all = Object.values(files).join("\n");
    expect(all).toContain("Mama Zawadi Store sugar 1 kg");
    expect(all).not.toContain("Baba Otieno");
    expect(all).not.toContain(theirs.owner.me.user.businessId);
    expect(all).not.toContain("$argon2");
    const products = parse(files["products.csv"] as string, { columns: true }) as Record<string, string>[];
    expect(products.map((p) => p.name).sort()).toEqual([
      "Mama Zawadi Store rice",
      "Mama Zawadi Store soap",
      "Mama Zawadi Store sugar 1 kg",
    ]);
    expect(products.find((p) => p.sku === "SUG-1")).toMatchObject({
      price: "15050",
      business_id: mine.owner.me.user.businessId,
    });
    const movements = parse(files["stock_movements.csv"] as string, { columns: true }) as Record<string, string>[];
    expect(movements.map((m) => m.quantity)).toEqual(["12.125"]);
    const users = parse(files["users.csv"] as string, { columns: true }) as Record<string, string>[];
    expect(users).toHaveLength(1);
    expect(Object.keys(users[0] ?? {})).not.toContain("password_hash");
  });

  it("is for owners only", async () => {
    const { owner } = await seedBusiness(t, "Staff Check");
    const staff = await addStaff(t, owner);
    expect((await staff.request("GET", "/export.zip")).statusCode).toBe(403);
  });
});
