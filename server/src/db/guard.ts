/**
 * The statement guard for a connection that logs in as the tables' owner and works as duka_app
 * (embedded PGlite, or one PostgreSQL URL for both): there the database itself would let one
 * statement switch back to the owner, past row-level security. The guard refuses, before they reach
 * the database, the statements that change the role or run SQL built at run time, which the app
 * never sends. It is a second lock against an injected statement, not a parser: the first lock is a
 * login role of its own (docs/decisions/010-database-roles.md).
 */
const REFUSED: RegExp[] = [
  // SET / RESET ROLE, SESSION AUTHORIZATION, ALL (in any scope), DISCARD ALL, DO blocks: as statements
  // (UPDATE … SET role = … is a column).
  /(^|;)\s*(set|reset)\s+((session|local)\s+)?(role|session\s+authorization|session_authorization|all)\b/,
  /(^|;)\s*(discard\s+all|do)\b/,
  // set_config() of anything but the app's own settings (app.business_id, app.login, …).
  /\bset_config\s*\(\s*(?!'app\.[a-z_]+'\s*,)/,
  // Code that would run statements the guard never sees, and changes to roles.
  /\bcreate\s+(or\s+replace\s+)?(function|procedure|trigger|rule)\b/,
  /\b(alter|drop)\s+(function|procedure|role|user)\b/,
  // Unicode-escaped names or strings could spell any of the above.
  /\bu&['"]/,
];

export class RefusedStatement extends Error {
  readonly code = "42501"; // insufficient_privilege, as the database would say
}

/** Throws when the statement could leave the app role; quotes and comments do not hide it. */
export function guardStatement(text: string): void {
  let s = text.toLowerCase();
  // Comments (PostgreSQL nests block comments): drop them innermost first, then the line ones.
  for (let prev = ""; prev !== s; ) {
    prev = s;
    s = s.replace(/\/\*(?:(?!\/\*|\*\/)[\s\S])*\*\//g, " ");
  }
  s = s
    .replace(/--[^\n]*/g, " ")
    .replace(/"/g, "")
    .trim();
  if (s.includes("/*") || REFUSED.some((re) => re.test(s))) {
    throw new RefusedStatement(
      "This statement may not run on the app's connection: it could change the database role.",
    );
  }
}
