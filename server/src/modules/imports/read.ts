import { isUtf8 } from "node:buffer";
import { parse } from "csv-parse";
import readXlsxFile from "read-excel-file/node";
import { AppError } from "../../lib/errors.js";

/** A file as a table of text cells: the header row, then the data rows as the file numbers them. */
export interface Table {
  type: "csv" | "xlsx";
  headers: string[];
  rows: { row: number; cells: string[] }[];
  /** In a semicolon file a comma is the decimal mark (1,5 is one and a half). */
  decimalComma: boolean;
}

/**
 * Maps a table's rows to raw records, letting each row's cells go once read: a 100,000-line file is
 * held as cells or as records, not as both. The table has no rows left after.
 */
export function takeRows<R>(t: Table, f: (r: Table["rows"][number]) => R): R[] {
  return [...eachRow(t, f)];
}

/** The same, one record at a time, for a reader that checks each as it comes and keeps less. */
export function* eachRow<R>(t: Table, f: (r: Table["rows"][number]) => R): Generator<R> {
  const rows = t.rows as (Table["rows"][number] | undefined)[];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    rows[i] = undefined;
    if (r) yield f(r);
  }
  rows.length = 0;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const notReadable = () =>
  new AppError(
    "import_unreadable",
    415,
    "This file is not a CSV or an Excel (XLSX) file. Save it from your spreadsheet as CSV or XLSX and try again.",
  );

const empty = () => new AppError("import_empty", 400, "This file is empty. Fill in the template and upload it again.");

/** UTF-8 when the bytes are valid UTF-8 (the BOM dropped), else Windows-1252 (Excel's "CSV" on Windows). */
export function decodeText(bytes: Buffer): string {
  const body = bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return new TextDecoder("windows-1252").decode(body);
  }
}

/** Binary content: NUL bytes or many control characters in the first few kilobytes. */
function looksBinary(head: Buffer): boolean {
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  return control > head.length / 100;
}

/** The one of comma, semicolon and tab that splits the header line into the most columns, outside quotes. */
export function guessDelimiter(firstLine: string): string {
  let best = ",";
  let bestCount = 0;
  for (const d of [",", ";", "\t"]) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString();
  return String(v).trim();
};

async function readCsv(bytes: Buffer): Promise<Table> {
  if (looksBinary(bytes.subarray(0, 4096))) throw notReadable();
  // Valid UTF-8 goes to the parser as the bytes themselves: no second, decoded copy of the file.
  const body = bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
  const input = isUtf8(body) ? body : decodeText(bytes);
  const head = (typeof input === "string" ? input.slice(0, 65_536) : input.subarray(0, 65_536).toString("utf8")).split(
    /\r?\n/,
  )[0];
  const delimiter = guessDelimiter(head ?? "");
  const parser = parse(input, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true });
  const rows: Table["rows"] = [];
  let headers: string[] | null = null;
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      const cells = record.map(cellText);
      if (!headers) {
        headers = cells;
        continue;
      }
      if (cells.every((c) => c === "")) continue;
      rows.push({ row: line, cells });
    }
  } catch (err) {
    const where = (err as { lines?: number }).lines;
    throw new AppError(
      "import_csv_broken",
      400,
      `This CSV file cannot be read${where ? ` near line ${where}` : ""}: check for a quote (") that is not closed.`,
    );
  }
  return { type: "csv", headers: headers ?? [], rows, decimalComma: delimiter === ";" };
}

async function readXlsx(bytes: Buffer, sheet: string | undefined): Promise<Table> {
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = await readXlsxFile(bytes);
  } catch {
    throw new AppError(
      "import_xlsx_broken",
      400,
      "This Excel file cannot be opened. Open it in your spreadsheet, save it again as XLSX, and retry.",
    );
  }
  // A workbook's untouched Sheet2 and Sheet3 are not a choice to make.
  const filled = sheets.filter((s) => s.data.some((r) => r.some((c) => cellText(c) !== "")));
  const names = filled.map((s) => s.sheet);
  const chosen = sheet === undefined ? filled[0] : sheets.find((s) => s.sheet === sheet);
  if (sheet !== undefined && !chosen) {
    const message = `This file has no sheet named "${sheet}". Its sheets are: ${names.join(", ")}.`;
    throw new AppError("import_no_sheet", 400, message, { sheet, names: names.join(", ") });
  }
  if (sheet === undefined && filled.length > 1) {
    throw new AppError(
      "choose_sheet",
      400,
      `This file has ${filled.length} sheets (${names.join(", ")}). Choose the sheet to bring in.`,
      { sheets: names, names: names.join(", ") },
    );
  }
  const [head = [], ...body] = chosen?.data ?? [];
  const rows = body
    .map((r, i) => ({ row: i + 2, cells: r.map(cellText) }))
    .filter((r) => r.cells.some((c) => c !== ""));
  return { type: "xlsx", headers: head.map(cellText), rows, decimalComma: false };
}

/** Reads an uploaded file, whatever its name says, from what its bytes are. */
export async function readTable(bytes: Buffer, opts: { sheet?: string | undefined } = {}): Promise<Table> {
  if (bytes.length === 0) throw empty();
  if (bytes.subarray(0, 4).equals(OLE)) {
    throw new AppError(
      "import_old_xls",
      415,
      "This is an old Excel file (.xls). Open it in your spreadsheet and save it as XLSX or CSV, then upload that.",
    );
  }
  const table = bytes.subarray(0, 4).equals(ZIP) ? await readXlsx(bytes, opts.sheet) : await readCsv(bytes);
  // Trailing empty header cells come from a spreadsheet's formatting, not from columns.
  while (table.headers.length && table.headers[table.headers.length - 1] === "") table.headers.pop();
  if (table.headers.length === 0) throw empty();
  if (table.rows.length === 0) {
    throw new AppError(
      "import_no_rows",
      400,
      "This file has a header row but no rows under it. Add your data under the headers.",
    );
  }
  return table;
}
