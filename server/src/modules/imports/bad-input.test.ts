import { describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { type Actor, signUp, useTestApp } from "../../test/api.js";
import { uploadImport } from "../../test/imports.js";

/** Nothing was written: no products, customers or kept previews beyond the refused upload. */
async function nothingWritten(owner: Actor) {
  expect((await owner.get("/products")).json().items).toEqual([]);
  expect((await owner.get("/customers")).json().items).toEqual([]);
  expect((await owner.get("/imports")).json().items).toEqual([]);
}

const HEAD = "name,sku,barcode,price,stock: Main shop\n";

describe("imports: bad input gets a clear message and writes nothing", () => {
  const t = useTestApp({ DOCUMENT_MAX_BYTES: String(64 * 1024) });

  it("refuses whole files that cannot be imported", async () => {
    const owner = await signUp(t.app);
    const cases: [string, Buffer | string, number, RegExp][] = [
      ["customers.csv", "name,phone,email\nAmina,0712345678,\n", 400, /looks like a file of customers/],
      ["empty.csv", "", 400, /file is empty/],
      ["headers.csv", HEAD, 400, /no rows under it/],
      [
        "photo.csv",
        Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]),
        415,
        /not a CSV or an Excel/,
      ],
      ["old.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 415, /old Excel file/],
      ["big.csv", HEAD + "Soap,,,10,1\n".repeat(7000), 413, /larger than/],
    ];
    for (const [name, data, status, message] of cases) {
      const res = await uploadImport(owner, "products", { name, data });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(status);
      expect(res.json().error.message, name).toMatch(message);
    }
    const sales = await uploadImport(owner, "products", { name: "x.csv", data: "a\n1\n" }, { kind: "nonsense" });
    expect(sales.statusCode).toBe(400);
    await nothingWritten(owner);
  });

  it("asks which sheet of a workbook with several, then reads the one chosen", async () => {
    const owner = await signUp(t.app);
    const data = await writeXlsxFile([
      {
        sheet: "Shop",
        data: [
          ["name", "price"],
          ["Soap", 55],
        ],
      },
      {
        sheet: "Store room",
        data: [
          ["name", "price"],
          ["Salt", 30],
        ],
      },
    ]).toBuffer();
    const res = await uploadImport(owner, "products", { name: "book.xlsx", data });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "choose_sheet", details: { sheets: ["Shop", "Store room"] } });
    const chosen = await uploadImport(owner, "products", { name: "book.xlsx", data }, { sheet: "Store room" });
    expect(chosen.statusCode, chosen.body).toBe(201);
    expect(chosen.json().preview[0].values.name).toBe("Salt");
  });

  it("names each row of a bad product, and keeps a commit from writing any of them", async () => {
    const owner = await signUp(t.app);
    const long = "x".repeat(2000);
    const csv =
      HEAD +
      "Soap,S-1,111,50,10\n" +
      "Soap large,S-1,222,80,5\n" +
      "Salt,S-3,111,30,5\n" +
      "Oil,S-4,,-20,5\n" +
      "Rice,S-5,,abc,5\n" +
      "Beans,S-6,,90,-3\n" +
      `${long},S-7,,10,1\n` +
      "Sugar,S-8,4.80002E+12,150,1\n";
    const res = await uploadImport(owner, "products", { name: "bad.csv", data: csv });
    expect(res.statusCode).toBe(201);
    const { errors, warnings, counts } = res.json();
    const at = (row: number) =>
      errors.filter((e: { row: number }) => e.row === row).map((e: { message: string }) => e.message);
    expect(at(2)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/SKU "S-1" is also on row 3/),
        expect.stringMatching(/barcode "111" is also on row 4/),
      ]),
    );
    expect(at(3)).toEqual([expect.stringMatching(/SKU "S-1" is also on row 2/)]);
    expect(at(4)).toEqual([expect.stringMatching(/barcode "111" is also on row 2/)]);
    expect(at(5)).toEqual(["The amount cannot be negative."]);
    expect(at(6)).toEqual([expect.stringMatching(/"abc" is not an amount/)]);
    expect(at(7)).toEqual(["The quantity cannot be negative."]);
    expect(at(8)).toEqual([expect.stringMatching(/is 2000 characters long; at most 120/)]);
    expect(errors.find((e: { row: number }) => e.row === 8).value.length).toBeLessThan(300);
    expect(warnings).toEqual([expect.objectContaining({ row: 9, column: "barcode", value: "4.80002E+12" })]);
    expect(counts).toEqual({ new: 1, update: 0, unchanged: 0, error: 7 });
    const commit = await owner.post(`/imports/${res.json().id}/commit`, {});
    expect(commit.statusCode).toBe(409);
    expect(commit.json().error.code).toBe("import_has_errors");
    expect((await owner.get("/products")).json().items).toEqual([]);
    // The owner may still bring in the good rows only.
    const some = await owner.post(`/imports/${res.json().id}/commit`, { skipErrors: true });
    expect(some.json().counts).toMatchObject({ new: 1 });
    expect(
      (await owner.get("/products"))
        .json()
        .items.map((p: { name: string; barcode: string | null }) => [p.name, p.barcode]),
    ).toEqual([["Sugar", null]]);
  });

  it("refuses a phone it cannot read, and the same phone twice", async () => {
    const owner = await signUp(t.app);
    const csv = "name,phone\nAmina,0712 345 678\nJoseph,12ab\nHalima,+254712345678\n";
    const res = (await uploadImport(owner, "customers", { name: "c.csv", data: csv })).json();
    expect(res.errors).toEqual([
      expect.objectContaining({ row: 2, message: expect.stringMatching(/also on row 4/) }),
      expect.objectContaining({
        row: 3,
        column: "phone",
        value: "12ab",
        message: expect.stringMatching(/cannot be read/),
      }),
      expect.objectContaining({ row: 4, message: expect.stringMatching(/also on row 2/) }),
    ]);
    expect(res.counts.error).toBe(3);
  });

  it("keeps formula-looking cells as text, and the exports neutralise them", async () => {
    const owner = await signUp(t.app);
    const csv = 'name,sku,price\n"=HYPERLINK(""http://x"",""y"")",+SKU,10\n@cmd,-5x,20\n';
    const preview = (await uploadImport(owner, "products", { name: "f.csv", data: csv })).json();
    expect(preview.counts).toMatchObject({ new: 2, error: 0 });
    await owner.post(`/imports/${preview.id}/commit`, {});
    const names = (await owner.get("/products"))
      .json()
      .items.map((p: { name: string; sku: string }) => [p.name, p.sku]);
    expect(names).toEqual([
      ['=HYPERLINK("http://x","y")', "+SKU"],
      ["@cmd", "-5x"],
    ]);
    const exported = (await owner.get("/products/export.csv")).body;
    expect(exported).toContain(`"'=HYPERLINK(""http://x"",""y"")",'+SKU`);
    expect(exported).toContain("'@cmd,'-5x");
    // Read back, the export gives the same text again.
    const back = (await uploadImport(owner, "products", { name: "export.csv", data: exported })).json();
    expect(back.counts).toEqual({ new: 0, update: 0, unchanged: 2, error: 0 });
  });
});
