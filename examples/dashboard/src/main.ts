/**
 * A dashboard's chart from the API, typed end to end:
 *
 *   DASHBOARD_TOKEN=$(npm run -s token -- --role ADMIN --agency medan) \
 *     npm start -w examples/dashboard -- --measure COMPLETION_RATE --by UNIT --time QUARTER --year 2026 [--json]
 *
 * `--json` prints the chart-ready data ({ labels, datasets }); `--list` prints what can be asked.
 */
import { parseArgs } from 'node:util';
import { createClient, GraphQLRequestError } from '@pembinaan-asn/typed-fetch';
import { toChartSeries } from './chart-series';
import { DashboardSeriesDocument, type Dimension, type Measure, MeasureCatalogDocument } from './gql/graphql';
import persistedDocuments from './gql/persisted-documents.json' with { type: 'json' };
import { textChart } from './text-chart';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.API_URL ?? 'http://localhost:4000/graphql' },
    measure: { type: 'string', multiple: true },
    by: { type: 'string' },
    time: { type: 'string', default: 'QUARTER' },
    year: { type: 'string', default: String(new Date().getFullYear()) },
    json: { type: 'boolean', default: false },
    list: { type: 'boolean', default: false },
  },
});
const token = process.env.DASHBOARD_TOKEN;
if (!token) {
  console.error(
    'Set DASHBOARD_TOKEN, e.g. DASHBOARD_TOKEN=$(npm run -s token -- --role ADMIN --agency medan)',
  );
  process.exit(2);
}
const client = createClient({ url: values.url, token, persistedDocuments });

try {
  if (values.list) {
    const { aggregateCapabilities } = await client.request(MeasureCatalogDocument);
    for (const m of aggregateCapabilities.measures) {
      console.log(`${m.measure.padEnd(30)} ${m.timeGrain.padEnd(6)} ${m.description}`);
    }
  } else {
    const measures = (values.measure ?? ['COMPLETION_RATE']) as Measure[];
    const groupBy = [values.by, values.time].filter(Boolean) as Dimension[];
    const { me, aggregate } = await client.request(DashboardSeriesDocument, {
      input: { measures, groupBy, filter: { from: `${values.year}-01-01`, to: `${values.year}-12-31` } },
    });
    const chart = toChartSeries(aggregate, measures);
    const title = `${measures.join(', ')} by ${groupBy.join(' x ')}, ${values.year}: ${me.agency?.name ?? me.role}`;
    console.log(values.json ? JSON.stringify({ title, ...chart }) : textChart(chart, title));
  }
} catch (error) {
  // The API's typed error codes (UNAUTHENTICATED, BAD_USER_INPUT with field and reason...) say what to fix.
  console.error(error instanceof GraphQLRequestError ? error.message : error);
  process.exit(1);
}
