import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { deflateSync } from "node:zlib";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";
import { heading, SHOTS, signUpOwner } from "./helpers.js";

/** A PNG as big as a phone photo (2400 × 1800), a gradient so it stays small to send from the test. */
function bigPng(width = 2400, height = 1800): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    for (let x = 0; x < width; x++) raw.set([(x * 255) / width, (y * 255) / height, 128], row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Width and height from a JPEG's frame header. */
function jpegSize(jpeg: Buffer): { width: number; height: number } {
  let at = 2;
  while (at < jpeg.length) {
    const marker = jpeg[at + 1] as number;
    const length = jpeg.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xc3)
      return { height: jpeg.readUInt16BE(at + 5), width: jpeg.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  throw new Error("no frame header in this JPEG");
}

async function downloadLink(page: Page, name: RegExp): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  return fs.readFileSync(await download.path());
}

describeBrowser("documents", () => {
  const e2e = useE2E();

  it("attaches photos and a PDF to a sale, downloads them again, and links the PDF receipt", async () => {
    const page = await e2e.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto("/");
    await signUpOwner(page);
    const locationId = ((await (await page.request.get("/api/v1/locations")).json()) as { items: { id: string }[] })
      .items[0]?.id;
    const product = await page.request.post("/api/v1/products", {
      data: { name: "Sugar 1 kg", price: 15000, initialStock: [{ locationId, quantity: 5 }] },
    });
    const productId = ((await product.json()) as { id: string }).id;
    const saleId = randomUUID();
    const sale = await page.request.post("/api/v1/sales", {
      data: { id: saleId, lines: [{ productId, quantity: 1 }], payment: { method: "cash" } },
    });
    expect(sale.status(), await sale.text()).toBe(201);

    await page.goto(`/sales/${saleId}/receipt`);
    await heading(page, "Receipt for sale #1");
    await page.getByText("Nothing attached yet.").waitFor();
    await checkA11y(page);

    // The PDF receipt: a real PDF, made by the server and kept.
    const pdfHref = await page.getByRole("link", { name: "Download PDF receipt" }).getAttribute("href");
    const receipt = await page.request.get(pdfHref ?? "");
    expect(receipt.status()).toBe(200);
    expect(receipt.headers()["content-type"]).toBe("application/pdf");
    expect((await receipt.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const receiptPdf = await downloadLink(page, /Download PDF receipt/);
    expect(receiptPdf.equals(await receipt.body())).toBe(true);

    const picker = page.getByLabel("Attach a photo or PDF");
    expect(await picker.getAttribute("accept")).toBe("image/*,application/pdf");
    expect(await picker.getAttribute("capture")).toBe("environment");

    // A small photo goes as it is: the same bytes come back.
    const smallJpeg = Buffer.from(
      await page.evaluate<number[]>(`(async () => {
        const canvas = document.createElement("canvas");
        canvas.width = 320;
        canvas.height = 200;
        const g = canvas.getContext("2d");
        g.fillStyle = "#0b6e4f";
        g.fillRect(0, 0, 320, 200);
        const blob = await new Promise((r) => canvas.toBlob(r, "image/jpeg", 0.9));
        return [...new Uint8Array(await blob.arrayBuffer())];
      })()`),
    );
    await picker.setInputFiles({ name: "mpesa.jpg", mimeType: "image/jpeg", buffer: smallJpeg });
    await page.getByText("“mpesa.jpg” is attached to this sale.").waitFor();
    expect((await downloadLink(page, /mpesa\.jpg/)).equals(smallJpeg)).toBe(true);

    // A phone-sized photo is redrawn at most 1600 px as a JPEG before it is sent.
    const png = bigPng();
    await picker.setInputFiles({ name: "delivery-note.png", mimeType: "image/png", buffer: png });
    await page.getByText("“delivery-note.jpg” is attached to this sale.").waitFor();
    const photo = await downloadLink(page, /delivery-note\.jpg/);
    expect([...photo.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(jpegSize(photo)).toEqual({ width: 1600, height: 1200 });

    // A PDF goes untouched.
    const invoice = Buffer.from("%PDF-1.4\n% supplier invoice 42\n%%EOF\n");
    await picker.setInputFiles({ name: "invoice.pdf", mimeType: "application/pdf", buffer: invoice });
    await page.getByText("“invoice.pdf” is attached to this sale.").waitFor();
    expect((await downloadLink(page, /invoice\.pdf/)).equals(invoice)).toBe(true);
    const list = await page.request.get(`/api/v1/documents?saleId=${saleId}`);
    const types = ((await list.json()) as { items: { filename: string; contentType: string; size: number }[] }).items;
    expect(types.find((d) => d.filename === "delivery-note.jpg")).toMatchObject({ contentType: "image/jpeg" });
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-sale-documents.png`, fullPage: true });

    // A file that is neither a photo nor a PDF is refused with words a person can act on.
    await picker.setInputFiles({ name: "notes.pdf", mimeType: "application/pdf", buffer: Buffer.from("not a pdf") });
    await page
      .getByRole("alert")
      .getByText(/not a photo/)
      .waitFor();

    // The owner deletes one, and sees what the shop stores in the backup area.
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Delete invoice.pdf" }).click();
    await page.getByText("“invoice.pdf” was deleted.").waitFor();
    await page.goto("/more/backups");
    await heading(page, /Backup/);
    await page.getByText(/^Files: 3\. Total size: .*B\. Stored encrypted\.$/).waitFor();
    await checkA11y(page);
  });
});
