import type { Employee } from '../domain/employee';
import type { Agency, Unit } from '../domain/organization';
import { demoEmployee } from './people';
import { DEMO_AGENCIES } from './places';
import { createRandom } from './random';

export interface DemoOrganization {
  agencies: Agency[];
  units: Unit[];
  employees: Employee[];
}

/** Stable id of a demo unit, e.g. `medan-belawan`. */
export const demoUnitId = (agencyId: string, key: string) => `${agencyId}-${key}`;

/**
 * The demo agencies, their units and a few hundred employees, the same on every machine
 * (seeded random). The first employee of each unit is its head, in a structural position.
 */
export function buildDemoOrganization(now: Date): DemoOrganization {
  const random = createRandom(20260101);
  const today = now.toISOString().slice(0, 10);
  const createdAt = new Date(now.getTime() - 730 * 86_400_000).toISOString();
  const meta = { version: 1, createdAt, updatedAt: createdAt };
  const agencies: Agency[] = [];
  const units: Unit[] = [];
  const employees: Employee[] = [];
  let serial = 0;
  for (const plan of DEMO_AGENCIES) {
    agencies.push({
      ...meta,
      agencyId: plan.id,
      id: plan.id,
      name: plan.name,
      region: plan.region,
      maxActiveMentees: 5,
      auditRetentionDays: plan.auditRetentionDays,
    });
    for (const unitPlan of plan.units) {
      const unitId = demoUnitId(plan.id, unitPlan.key);
      const parent = unitPlan.parent
        ? units.find((u) => u.id === demoUnitId(plan.id, unitPlan.parent as string))
        : undefined;
      const staff: Employee[] = [];
      for (let i = 0; i < unitPlan.staff; i += 1) {
        serial = (serial % 999) + 1;
        staff.push(
          demoEmployee(
            random,
            {
              agencyId: plan.id,
              id: `${unitId}-e${String(i + 1).padStart(3, '0')}`,
              unitId,
              unitKind: unitPlan.kind,
              familyNames: plan.familyNames,
              serial,
              today,
              createdAt,
            },
            i === 0 || i % 9 === 0,
          ),
        );
      }
      units.push({
        ...meta,
        agencyId: plan.id,
        id: unitId,
        code: unitPlan.key.toUpperCase(),
        name: unitPlan.name,
        kind: unitPlan.kind,
        region: unitPlan.region ?? plan.region,
        parentId: parent?.id,
        ancestorIds: parent ? [...parent.ancestorIds, parent.id] : [],
        headEmployeeId: staff[0]?.id,
      });
      employees.push(...staff);
    }
  }
  return { agencies, units, employees };
}
