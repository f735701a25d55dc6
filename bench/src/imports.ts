import { createDatabase, dropDatabase } from "./db.js";
import type { Figure } from "./report.js";
import { startServer } from "./server.js";
import { call, PASSWORD } from "./shop.js";
import { log } from "./util.js";

/**
 * A year of past sales as a Loyverse receipts-by-item export: 100,000 lines, three a receipt, over
 * 365 days, every 50th receipt a refund and every 97th cancelled. Only the columns Duka reads, so
 * the file stays under the 10 MB upload limit.
 */
function pastSales() {
  const lines = [
    "Date,Receipt number,Receipt type,SKU,Item,Quantity,Gross sales,Discounts,Net sales,Cost of goods,POS,Store,Status",
  ];
  const receipts = Math.ceil(100_000 / 3);
  for (let r = 0; r < receipts; r++) {
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor((r * 365) / receipts) * 86_400_000);
    const date = `${day.toISOString().slice(0, 10)} ${String(8 + (r % 12)).padStart(2, "0")}:${String(r % 60).padStart(2, "0")}`;
    const type = r % 50 === 49 ? "Refund" : "Sale";
    const status = r % 97 === 96 ? "Cancelled" : "Closed";
    for (let l = 0; l < 3 && lines.length <= 100_000; l++) {
      const item = 1 + ((r * 3 + l) % 20_000);
      const qty = 1 + (l % 2);
      const price = 100 + (item % 900);
      lines.push(
        `${date},${1 + (r % 3)}-${r},${type},SKU-${item},Bench item ${item},${qty},${qty * price}.00,0,${qty * price}.00,${qty * 60},POS ${1 + (r % 3)},Main shop,${status}`,
      );
    }
  }
  return { rows: lines.length - 1, receipts, text: `${lines.join("\n")}\n` };
}

/**
 * Moving a big shop in: 20,000 products with stock at 3 locations, then 50,000 customers with
 * debts, then a year of past sales, each as one CSV through preview and commit, on a fresh PostgreSQL business. The server's
 * memory is sampled throughout: files are read with a bounded footprint.
 */
export async function importFigures(add: (f: Figure) => void) {
  const url = await createDatabase("imports");
  const server = await startServer({ databaseUrl: url });
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, server.rss() ?? 0);
  }, 200);
  try {
    const signup = await call(server.url, "POST", "/auth/signup", {
      businessName: "Bench import shop",
      currency: "KES",
      timeZone: "Africa/Nairobi",
      country: "KE",
      locationName: "Main shop",
      ownerName: "Owner",
      login: `import-${Date.now()}@bench.example`,
      password: PASSWORD,
    });
    const cookie = signup.cookie as string;
    const products = ["name,sku,barcode,category,price,cost,stock: Main shop,stock: Store room,stock: Market stall"];
    for (let i = 1; i <= 20_000; i++) {
      products.push(
        `Bench item ${i},SKU-${i},${6_000_000_000_000 + i},Cat ${i % 40},${100 + (i % 900)}.50,${60 + (i % 500)},${i % 50},${i % 7},${i % 3}`,
      );
    }
    const customers = ["name,phone,email,credit limit,opening balance"];
    for (let i = 1; i <= 50_000; i++) {
      customers.push(
        `Customer ${i},+2547${String(10_000_000 + i).padStart(8, "0")},,5000,${i % 4 === 0 ? i % 3000 : 0}`,
      );
    }
    const files: { kind: string; rows: number; receipts?: number; text: string }[] = [
      { kind: "products", rows: 20_000, text: `${products.join("\n")}\n` },
      { kind: "customers", rows: 50_000, text: `${customers.join("\n")}\n` },
      { kind: "sales", ...pastSales() },
    ];
    for (const f of files) {
      const form = new FormData();
      form.append("kind", f.kind);
      form.append("file", new Blob([f.text], { type: "text/csv" }), `${f.kind}.csv`);
      let t = Date.now();
      const res = await fetch(`${server.url}/api/v1/imports`, { method: "POST", body: form, headers: { cookie } });
      const preview = (await res.json()) as { id: string; counts: { new: number } };
      const previewMs = Date.now() - t;
      if (res.status !== 201 || preview.counts.new !== (f.receipts ?? f.rows)) {
        throw new Error(`import preview of ${f.kind} answered ${res.status}: ${JSON.stringify(preview).slice(0, 300)}`);
      }
      t = Date.now();
      const done = await call(server.url, "POST", `/imports/${preview.id}/commit`, { createLocations: true }, cookie);
      const commitMs = Date.now() - t;
      if (done.status !== 200) throw new Error(`import commit of ${f.kind} answered ${done.status}`);
      const what = `${f.rows.toLocaleString("en")} ${f.kind === "sales" ? "receipt lines" : f.kind}`;
      add({ id: `imports.${f.kind}.previewMs`, label: `Import ${what}: preview`, value: previewMs, unit: "ms" });
      add({ id: `imports.${f.kind}.commitMs`, label: `Import ${what}: commit`, value: commitMs, unit: "ms" });
      log(`import ${what}: preview ${previewMs} ms, commit ${commitMs} ms, peak RSS ${peak} MB`);
    }
    add({ id: "imports.peakRssMb", label: "Server memory while importing: peak RSS", value: peak, unit: "MB" });
    return { peakRssMb: peak };
  } finally {
    clearInterval(sampler);
    await server.stop();
    await dropDatabase(url);
  }
}
