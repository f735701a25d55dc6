import type { ImportIssue, ImportIssueCode } from "@duka/contracts";
import type { Cell } from "./sources.js";

/** What is wrong with a file, row by row: errors keep a row out, warnings only say what changed. */
export class Issues {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  private bad = new Set<number>();

  error(row: number, at: Cell | string | null, code: ImportIssueCode, message: string, params?: Params) {
    this.bad.add(row);
    this.errors.push(issue(row, at, code, message, params));
  }

  warn(row: number, at: Cell | string | null, code: ImportIssueCode, message: string, params?: Params) {
    this.warnings.push(issue(row, at, code, message, params));
  }

  hasError(row: number) {
    return this.bad.has(row);
  }

  get errorRows() {
    return this.bad.size;
  }

  sorted() {
    const byRow = (a: ImportIssue, b: ImportIssue) => a.row - b.row;
    return { errors: this.errors.sort(byRow), warnings: this.warnings.sort(byRow) };
  }
}

const MAX_VALUE = 200;
type Params = Record<string, string | number>;

function issue(row: number, at: Cell | string | null, code: ImportIssueCode, message: string, params?: Params) {
  const words = { code, message, ...(params ? { params } : {}) };
  if (at === null || typeof at === "string") return { row, column: at, value: null, ...words } as ImportIssue;
  // A 2,000-character cell is named, not echoed back whole.
  const value = at.value.length > MAX_VALUE ? `${at.value.slice(0, MAX_VALUE)}…` : at.value;
  return { row, column: at.column, value, ...words } as ImportIssue;
}

/** Text up to a length, or an error naming the column. */
export function text(issues: Issues, row: number, cell: Cell | undefined, max: number): string | undefined {
  if (!cell) return undefined;
  // Duka's exports write a cell that starts like a formula as '=…; read back, it is the text again.
  const value = cell.value.trim().replace(/^'(?=[=+\-@])/, "");
  if (value.length > max) {
    issues.error(row, cell, "too_long", `is ${value.length} characters long; at most ${max} fit. Shorten it.`, {
      length: value.length,
      max,
    });
    return undefined;
  }
  return value;
}

/** Rows that share a value in a column that must be unique: every such row is named. */
export function duplicates<T extends { row: number }>(
  issues: Issues,
  items: T[],
  key: (item: T) => Cell | undefined,
  what: "SKU" | "barcode" | "phone number",
) {
  const seen = new Map<string, number[]>();
  for (const item of items) {
    const value = key(item)?.value;
    if (value) seen.set(value, [...(seen.get(value) ?? []), item.row]);
  }
  for (const item of items) {
    const cell = key(item);
    const rows = cell ? (seen.get(cell.value) ?? []) : [];
    if (cell && rows.length > 1) {
      const others = rows.filter((r) => r !== item.row).join(", ");
      const code = what === "SKU" ? "duplicate_sku" : what === "barcode" ? "duplicate_barcode" : "duplicate_phone";
      issues.error(
        item.row,
        cell,
        code,
        `The ${what} "${cell.value}" is also on row ${others}. Each needs its own ${what}.`,
        { value: cell.value, rows: others },
      );
    }
  }
}
