import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { afterAll } from "vitest";
import { buildApp } from "../src/app.js";

/** The settings a deployment must be given, with example values (no account, no lookups). */
export const EXAMPLE = {
  domain: "pos.example.com",
  certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000",
  alarmEmail: "ops@example.com",
  region: "eu-west-1",
};

const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Synthesises the real app (cdk-nag included) into a temporary cloud assembly. */
export function synth(context: Record<string, unknown> = {}) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "duka-cdk-"));
  outdirs.push(outdir);
  const { app, stack } = buildApp({ ...EXAMPLE, ...context }, outdir);
  const assembly = app.synth();
  return { app, stack, assembly, outdir, template: Template.fromStack(stack) };
}

/** The resources of one type, by logical id. */
export function resources<P = Record<string, unknown>>(
  template: Template,
  type: string,
): [string, { Properties: P }][] {
  return Object.entries(template.findResources(type)) as [string, { Properties: P }][];
}
