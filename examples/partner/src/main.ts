/**
 * A partner institution's delta sync of the enrollments in its programs, typed end to end. Stop
 * it and run it again at any time: it resumes from the stored cursor.
 *
 *   PARTNER_TOKEN=$(npm run -s token -- --role PARTNER --partner usu) \
 *     npm run sync -w examples/partner -- [--url http://localhost:4000/partner/graphql] [--state FILE] [--since ISO]
 *
 * Prints one JSON line: pages, changes received and applied, the last sequence, the mirror's size.
 */
import { parseArgs } from 'node:util';
import { GraphQLRequestError } from '@pembinaan-asn/typed-fetch';
import { syncEnrollments } from './sync';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.API_URL ?? 'http://localhost:4000/partner/graphql' },
    state: { type: 'string', default: 'partner-sync-state.json' },
    since: { type: 'string' },
    'page-size': { type: 'string', default: '100' },
  },
});
const token = process.env.PARTNER_TOKEN;
if (!token) {
  console.error('Set PARTNER_TOKEN, e.g. PARTNER_TOKEN=$(npm run -s token -- --role PARTNER --partner usu)');
  process.exit(2);
}

try {
  const report = await syncEnrollments({
    url: values.url,
    token,
    stateFile: values.state,
    since: values.since,
    pageSize: Number(values['page-size']),
    apiKey: process.env.PARTNER_API_KEY,
  });
  console.log(JSON.stringify(report));
} catch (error) {
  console.error(error instanceof GraphQLRequestError ? error.message : error);
  process.exit(1);
}
