import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { App, Stack, Validations } from "aws-cdk-lib";
import * as s3 from "aws-cdk-lib/aws-s3";
import { AwsSolutionsChecks } from "cdk-nag";
import { describe, expect, it } from "vitest";
import { synth } from "./synth.js";

interface Report {
  pluginReports: { summary?: { pluginName?: string }; violations: { ruleName: string; severity?: string }[] }[];
}

describe("cdk-nag AWS Solutions checks", () => {
  it("find no unacknowledged error in the stack", () => {
    // The app registers AwsSolutionsChecks; synthesis throws on any error left unacknowledged.
    const { app, outdir } = synth({ multiAz: "false" });
    const report = JSON.parse(fs.readFileSync(path.join(outdir, "validation-report.json"), "utf8")) as Report;
    const errors = report.pluginReports.flatMap((r) =>
      r.violations.filter((v) => v.severity === "error" || v.severity === "fatal"),
    );
    expect(errors).toEqual([]);

    // Every acknowledgement of ours says why, in a sentence (aws-cdk-lib records some of its own).
    const acknowledged = app.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
      .flatMap((m) => Object.entries(m.data as Record<string, string>))
      .filter(([id]) => id.includes("AwsSolutions-"));
    expect(acknowledged.length).toBeGreaterThan(5);
    for (const [id, reason] of acknowledged) expect(reason.length, id).toBeGreaterThan(40);
  });

  it("would stop a synthesis with an unacknowledged error (the check is wired, not silent)", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "duka-nag-"));
    try {
      const app = new App({ outdir });
      new s3.Bucket(new Stack(app, "Careless"), "Open", { encryption: s3.BucketEncryption.UNENCRYPTED });
      Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
      expect(() => app.synth()).toThrow(/AwsSolutions-S(1|10)/);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
