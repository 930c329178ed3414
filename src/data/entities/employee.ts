import { EMPLOYEE_RELATION_ATTRIBUTES, type Employee } from '../../domain/employee';
import { ConflictError } from '../../errors/app-error';
import { defineEntity, nameSortKey } from '../entity';
import type { ItemKey } from '../item';
import { ordered } from '../sort-keys';
import { versionedUpdate } from '../versioned-update';
import { putNew, type Write } from '../write';
import { claimUniqueValue, uniqueValueKey } from './unique-value';

/** Index partitions of employees, shared by the declaration below and the repository's queries. */
export const employeePartitions = {
  agency: (agencyId: string) => `${agencyId}#Employee`,
  unit: (agencyId: string, unitId: string) => `${agencyId}#Unit#${unitId}#Employee`,
};

/**
 * Employees. gsi1: employees of an agency by name; gsi2: employees of a unit by name.
 * `positionType` is lifted to the top level so lists can filter on it.
 */
export const employeeEntity = defineEntity<Employee>({
  type: 'Employee',
  indexes: {
    gsi1: (e) => ({ pk: employeePartitions.agency(e.agencyId), sk: ordered(nameSortKey(e.name), e.id) }),
    gsi2: (e) => ({
      pk: employeePartitions.unit(e.agencyId, e.unitId),
      sk: ordered(nameSortKey(e.name), e.id),
    }),
  },
  derived: (e) => ({ positionType: e.position.type }),
  // Bounded id lists on the parent let a page of employees load its relations with BatchGetItem.
  external: EMPLOYEE_RELATION_ATTRIBUTES,
});

/** Kind of the guard that keeps a NIP unique in an agency; its `ownerId` is the employee's id. */
export const NIP_GUARD = 'Nip';
const NIP = NIP_GUARD;

/** The key of a NIP's guard. */
export const nipGuardKey = (agencyId: string, nip: string): ItemKey => uniqueValueKey(agencyId, NIP, nip);

/** The writes of employees and the refusals their conditions mean. */
export const employeeWrites = {
  /** A new employee and the guard of its NIP: CONFLICT when the NIP is registered already. */
  create(employee: Employee): Write[] {
    return [
      claimUniqueValue(
        employee.agencyId,
        NIP,
        employee.nip,
        employee.id,
        (_, cause) =>
          new ConflictError(
            `NIP ${employee.nip} is already registered in this agency`,
            { field: 'input.nip' },
            cause,
          ),
      ),
      putNew(employeeEntity.toItem(employee)),
    ];
  },

  /** A change of the employee's own attributes, if its version is still `before.version`. */
  update(before: Employee, after: Employee): Write[] {
    return [versionedUpdate(employeeEntity, before, after)];
  },
};
