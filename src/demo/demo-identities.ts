import { type ApiClaims, PARTNER_READ_SCOPE, PARTNER_WEBHOOKS_SCOPE } from '../auth/token-claims';
import { buildDemoOrganization, demoUnitId } from './build-organization';

/** A demo identity offered in the playground: a label and the claims of its token. */
export interface DemoIdentity {
  label: string;
  claims: ApiClaims;
}

/** Demo identities for the playground and `npm run token`: one per role, in Medan and Binjai. */
export function demoIdentities(now: Date): DemoIdentity[] {
  const { units, employees } = buildDemoOrganization(now);
  const belawan = units.find((u) => u.id === demoUnitId('medan', 'belawan'));
  const head = employees.find((e) => e.id === belawan?.headEmployeeId);
  const staff = employees.find((e) => e.unitId === belawan?.id && e.id !== head?.id);
  const identities: DemoIdentity[] = [
    {
      label: 'Admin BKPSDM Medan',
      claims: { sub: 'demo-admin-medan', 'cognito:groups': ['ADMIN'], agency_id: 'medan' },
    },
    {
      label: 'Admin BKPSDM Binjai',
      claims: { sub: 'demo-admin-binjai', 'cognito:groups': ['ADMIN'], agency_id: 'binjai' },
    },
  ];
  if (belawan && head) {
    identities.push({
      label: `Unit head: ${belawan.name}`,
      claims: {
        sub: `demo-${head.id}`,
        'cognito:groups': ['UNIT_HEAD'],
        agency_id: 'medan',
        unit_id: belawan.id,
        employee_id: head.id,
      },
    });
  }
  if (belawan && staff) {
    identities.push({
      label: `Employee: ${staff.name}`,
      claims: {
        sub: `demo-${staff.id}`,
        'cognito:groups': ['EMPLOYEE'],
        agency_id: 'medan',
        unit_id: belawan.id,
        employee_id: staff.id,
      },
    });
  }
  identities.push({
    label: 'Partner: Universitas Sumatera Utara (usu)',
    claims: {
      client_id: 'partner-usu',
      partner_id: 'usu',
      scope: `${PARTNER_READ_SCOPE} ${PARTNER_WEBHOOKS_SCOPE}`,
    },
  });
  return identities;
}
