import { agencyEntity } from '../data/entities/agency';
import { employeeEntity } from '../data/entities/employee';
import { uniqueValueItem } from '../data/entities/unique-value';
import { unitEntity } from '../data/entities/unit';
import type { Item, Table } from '../data/table';
import { buildDemoOrganization } from './build-organization';

/** Bump when the demo data set changes; a table seeded with an older version is seeded again. */
export const DEMO_DATA_VERSION = 1;
const MARKER = { pk: 'System#Seed', sk: 'demo' };

/** Every item of the demo data set, built for `now`. */
export function demoItems(now: Date): Item[] {
  const { agencies, units, employees } = buildDemoOrganization(now);
  return [
    ...agencies.map((a) => agencyEntity.toItem(a)),
    ...units.map((u) => unitEntity.toItem(u)),
    ...employees.flatMap((e) => [employeeEntity.toItem(e), uniqueValueItem(e.agencyId, 'Nip', e.nip, e.id)]),
  ];
}

/**
 * Seeds the demo data once per table (a marker item remembers the version). Returns the
 * number of items written, 0 when the table was already seeded.
 */
export async function seedDemoData(table: Table, now: Date): Promise<number> {
  const marker = await table.get(MARKER);
  if (marker && Number(marker.version) >= DEMO_DATA_VERSION) return 0;
  const items = demoItems(now);
  await table.batchPut(items);
  await table.put({ ...MARKER, entity: 'Seed', version: DEMO_DATA_VERSION, seededAt: now.toISOString() });
  return items.length;
}
