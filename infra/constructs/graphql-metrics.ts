/**
 * The GraphQL function's own metrics (src/observability/metric-catalog.ts, published per request
 * with Powertools Metrics) as CloudWatch metric objects for the dashboard and alarms.
 */
import { Duration } from 'aws-cdk-lib';
import { type IMetric, MathExpression, Metric, Stats } from 'aws-cdk-lib/aws-cloudwatch';
import {
  DIMENSION,
  METRIC,
  METRIC_NAMESPACE,
  METRIC_SERVICE,
  OUTCOMES,
  type Outcome,
  WEBHOOK_METRIC_SERVICE,
} from '../../src/observability/metric-catalog';

const PERIOD = Duration.minutes(5);

/** Metrics of one stage's GraphQL function. */
export class GraphqlMetrics {
  constructor(private readonly stage: string) {}

  /** A metric of the whole stage (dimension set service + stage). */
  metric(name: string, statistic: string = Stats.SUM, label?: string): Metric {
    return new Metric({
      namespace: METRIC_NAMESPACE,
      metricName: name,
      dimensionsMap: { [DIMENSION.service]: METRIC_SERVICE, [DIMENSION.stage]: this.stage },
      statistic,
      period: PERIOD,
      ...(label ? { label } : {}),
    });
  }

  /** Requests ending with `outcome` (dimension set service + stage + outcome). */
  requests(outcome: Outcome): Metric {
    return new Metric({
      namespace: METRIC_NAMESPACE,
      metricName: METRIC.requests,
      dimensionsMap: {
        [DIMENSION.service]: METRIC_SERVICE,
        [DIMENSION.stage]: this.stage,
        [DIMENSION.outcome]: outcome,
      },
      statistic: Stats.SUM,
      period: PERIOD,
      label: outcome,
    });
  }

  /** Requests of every outcome. */
  requestsByOutcome(): Metric[] {
    return OUTCOMES.map((outcome) => this.requests(outcome));
  }

  /** One line per operation (trusted or allow-listed names, and `other`): a CloudWatch SEARCH. */
  requestsByOperation(): IMetric {
    const { service, stage, operation, outcome } = DIMENSION;
    return new MathExpression({
      expression:
        `SEARCH('{${METRIC_NAMESPACE},${service},${stage},${operation},${outcome}} ` +
        `MetricName="${METRIC.requests}" ${service}="${METRIC_SERVICE}" ${stage}="${this.stage}"', 'Sum', 300)`,
      label: 'Requests',
      period: PERIOD,
    });
  }

  /** Webhook deliveries to partners (published by the webhook dispatcher). */
  webhookDeliveries(): Metric {
    return new Metric({
      namespace: METRIC_NAMESPACE,
      metricName: METRIC.webhookDeliveries,
      dimensionsMap: { [DIMENSION.service]: WEBHOOK_METRIC_SERVICE, [DIMENSION.stage]: this.stage },
      statistic: Stats.SUM,
      period: PERIOD,
    });
  }
}
