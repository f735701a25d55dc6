import type { FieldCode, FieldErrors, FieldIssue } from "@duka/contracts";

/** One zod issue as the validator reports it: its code, message and the issue's other properties. */
interface ZodProblem {
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

const num = (v: unknown) => (typeof v === "number" || typeof v === "bigint" ? Number(v) : undefined);

/** A zod issue → the field code and parameters a person's language words. */
export function fieldIssue({ keyword, message = "is invalid", params = {} }: ZodProblem): FieldIssue {
  const min = num(params.minimum);
  const max = num(params.maximum);
  const issue = (code: FieldCode, p?: FieldIssue["params"]): FieldIssue => ({
    code,
    message,
    ...(p ? { params: p } : {}),
  });
  switch (keyword) {
    case "invalid_type":
      if (message === "is required" || message.includes("received undefined")) return issue("required");
      return params.expected === "int" ? issue("not_whole") : issue("invalid_type");
    case "too_small":
      if (params.origin === "string") return min === 1 ? issue("required") : issue("too_short", { minimum: min ?? 0 });
      if (min === 0) return issue("negative");
      return issue("too_small", { minimum: min ?? 0 });
    case "too_big":
      return params.origin === "string"
        ? issue("too_long", { maximum: max ?? 0 })
        : issue("too_big", { maximum: max ?? 0 });
    case "invalid_format":
      return issue("invalid_format", { format: String(params.format ?? "") });
    case "invalid_value":
    case "invalid_union":
      return issue("invalid_choice");
    case "unrecognized_keys":
      return issue("unknown_field");
    default: {
      // A refinement names its code, and any parameters its words need, in its own params.
      const { code, ...rest } = (params.params ?? {}) as { code?: FieldCode } & Record<string, string | number>;
      return issue(code ?? "invalid", Object.keys(rest).length ? rest : undefined);
    }
  }
}

/** Field problems a service wrote as English sentences, in the one shape every answer uses. */
export function fromSentences(fields: Record<string, (string | FieldIssue)[]>): FieldErrors {
  return Object.fromEntries(
    Object.entries(fields).map(([path, list]) => [
      path,
      list.map((f) => (typeof f === "string" ? { code: "invalid" as const, message: f } : f)),
    ]),
  );
}
