/**
 * `npm run token -- --role ADMIN --agency binjai [--unit ID] [--employee ID] [--partner usu] [--expires 8h]`
 * prints a bearer token signed by the local dev issuer (keys under DATA_DIR), for GraphiQL or curl.
 */
import { parseArgs } from 'node:util';
import { STAFF_ROLES } from '../src/auth/caller';
import { PARTNER_READ_SCOPE, PARTNER_WEBHOOKS_SCOPE } from '../src/auth/token-claims';
import { loadConfig } from '../src/config/load-config';
import { ensureDevSecrets } from '../src/local/dev-secrets';
import { signLocalToken } from '../src/local/local-issuer';

const usage =
  'usage: npm run token -- --role ADMIN|UNIT_HEAD|EMPLOYEE|PARTNER --agency <id> [--unit <id>] [--employee <id>] [--partner <code>] [--expires 8h]';
const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    agency: { type: 'string' },
    unit: { type: 'string' },
    employee: { type: 'string' },
    partner: { type: 'string' },
    expires: { type: 'string', default: '8h' },
  },
});

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

const role = values.role?.toUpperCase();
const config = loadConfig(process.env);
const secrets = await ensureDevSecrets(config.dataDir);
if (role === 'PARTNER') {
  if (!values.partner) fail('--partner <code> is required for PARTNER');
  console.log(
    await signLocalToken(
      secrets.keys,
      {
        client_id: `partner-${values.partner}`,
        partner_id: values.partner,
        // The local dev partner may both read enrollments and manage its webhooks.
        scope: `${PARTNER_READ_SCOPE} ${PARTNER_WEBHOOKS_SCOPE}`,
      },
      { expiresIn: values.expires },
    ),
  );
} else {
  if (!role || !(STAFF_ROLES as readonly string[]).includes(role))
    fail(`unknown --role ${values.role ?? ''}`);
  if (!values.agency) fail('--agency <id> is required for staff roles');
  if (role === 'UNIT_HEAD' && !values.unit) fail('--unit <id> is required for UNIT_HEAD');
  if (role === 'EMPLOYEE' && !values.employee) fail('--employee <id> is required for EMPLOYEE');
  console.log(
    await signLocalToken(
      secrets.keys,
      {
        sub: `cli-${role.toLowerCase()}-${values.agency}`,
        'cognito:groups': [role],
        agency_id: values.agency,
        ...(values.unit ? { unit_id: values.unit } : {}),
        ...(values.employee ? { employee_id: values.employee } : {}),
      },
      { expiresIn: values.expires },
    ),
  );
}
