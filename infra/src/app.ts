import { App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { settingsFromContext } from "./settings.js";
import { DukaStack } from "./stack.js";

/** Behaviour switches of aws-cdk-lib this app relies on (here, so tests and `cdk synth` agree). */
const FEATURE_FLAGS = {
  // S3 server access logs delivered by bucket policy, not by an ACL on the logs bucket.
  "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy": true,
  // cdk-nag 3 reports through CDK's validation report (cdk.out/validation-report.json).
  "@aws-cdk/core:validationReportJson": true,
};

/**
 * The whole app: the stack from the context's settings, checked by cdk-nag's AWS Solutions pack.
 * `cdk synth` needs no account: the stack is account-agnostic, and its region comes from the
 * caller's AWS configuration at deploy (CDK_DEFAULT_REGION) or -c region=….
 */
export function buildApp(context: Record<string, unknown> = {}, outdir?: string) {
  const app = new App({ context: { ...FEATURE_FLAGS, ...context }, ...(outdir ? { outdir } : {}) });
  const region =
    (app.node.tryGetContext("region") as string | undefined) ?? process.env.CDK_DEFAULT_REGION ?? "eu-west-1";
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const stack = new DukaStack(app, (app.node.tryGetContext("stackName") as string | undefined) ?? "Duka", {
    env: { region, ...(account ? { account } : {}) },
    settings: settingsFromContext(app.node),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
