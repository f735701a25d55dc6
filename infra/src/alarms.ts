import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import * as elbv2 from "aws-cdk-lib/aws-elasticloadbalancingv2";
import type * as kms from "aws-cdk-lib/aws-kms";
import * as logs from "aws-cdk-lib/aws-logs";
import type * as rds from "aws-cdk-lib/aws-rds";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";
import type { Service } from "./service.js";

export const METRICS_NAMESPACE = "Duka";

/** Hours without a successful daily backup before the alarm: a day plus the slack of one retry. */
export const BACKUP_MISSING_HOURS = 26;

export interface AlarmsProps {
  service: Service;
  database: rds.DatabaseInstance;
  key: kms.IKey;
  email: string;
  dbConnectionsAlarm: number;
}

/**
 * Someone hears about it: the load balancer's 5xx and p99 latency, unhealthy tasks, the database's
 * CPU, free storage and connections, and Duka's own daily backup failing or not running, all to
 * one SNS topic with an email subscription.
 */
export class Alarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const { service, database } = props;
    const { loadBalancer, targetGroup } = service.fargate;

    this.topic = new sns.Topic(this, "Topic", { masterKey: props.key, enforceSSL: true, displayName: "Duka alarms" });
    this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));

    const fiveMinutes = { period: Duration.minutes(5) };
    this.add("Alb5xx", "The load balancer or the tasks answered 5xx more than 10 times in 5 minutes.", {
      metric: new cloudwatch.MathExpression({
        expression: "FILL(elb, 0) + FILL(target, 0)",
        usingMetrics: {
          elb: loadBalancer.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { ...fiveMinutes, statistic: "Sum" }),
          target: targetGroup.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, {
            ...fiveMinutes,
            statistic: "Sum",
          }),
        },
        period: Duration.minutes(5),
      }),
      threshold: 10,
      evaluationPeriods: 1,
    });
    this.add("LatencyP99", "p99 response time above 1 s for 15 minutes.", {
      metric: targetGroup.metrics.targetResponseTime({ ...fiveMinutes, statistic: "p99" }),
      threshold: 1,
      evaluationPeriods: 3,
    });
    this.add("UnhealthyHosts", "A task failed /readyz for 2 minutes.", {
      metric: targetGroup.metrics.unhealthyHostCount({ period: Duration.minutes(1), statistic: "Maximum" }),
      threshold: 1,
      evaluationPeriods: 2,
    });
    this.add("DbCpu", "Database CPU above 80% for 15 minutes.", {
      metric: database.metricCPUUtilization(fiveMinutes),
      threshold: 80,
      evaluationPeriods: 3,
    });
    this.add("DbFreeStorage", "Less than 2 GiB of database storage left.", {
      metric: database.metricFreeStorageSpace(fiveMinutes),
      threshold: 2 * 1024 ** 3,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 1,
    });
    this.add("DbConnections", `More than ${props.dbConnectionsAlarm} database connections.`, {
      metric: database.metricDatabaseConnections({ ...fiveMinutes, statistic: "Maximum" }),
      threshold: props.dbConnectionsAlarm,
      evaluationPeriods: 2,
    });

    // The server logs one line per daily backup: {"event":"backup","outcome":"ok"|"failed",…}.
    const backupMetric = (name: string, outcome: "ok" | "failed") => {
      new logs.MetricFilter(this, `${name}Filter`, {
        logGroup: service.logGroup,
        metricNamespace: METRICS_NAMESPACE,
        metricName: name,
        filterPattern: logs.FilterPattern.all(
          logs.FilterPattern.stringValue("$.event", "=", "backup"),
          logs.FilterPattern.stringValue("$.outcome", "=", outcome),
        ),
        metricValue: "1",
      });
      return new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName: name,
        statistic: "Sum",
        period: Duration.hours(1),
      });
    };
    this.add("BackupFailed", "Duka's daily backup failed (the server retries within the hour).", {
      metric: backupMetric("BackupFailed", "failed"),
      threshold: 1,
      evaluationPeriods: 1,
    });
    this.add("BackupMissing", `No successful Duka backup for ${BACKUP_MISSING_HOURS} hours.`, {
      metric: backupMetric("BackupSucceeded", "ok"),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: BACKUP_MISSING_HOURS,
      // No line at all is what "did not run" looks like.
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
  }

  private add(
    id: string,
    description: string,
    props: Omit<cloudwatch.AlarmProps, "alarmDescription"> & { metric: cloudwatch.IMetric },
  ) {
    const alarm = new cloudwatch.Alarm(this, id, {
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      ...props,
      alarmDescription: `Duka: ${description}`,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    alarm.addOkAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
