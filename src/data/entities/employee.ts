import { EMPLOYEE_RELATION_ATTRIBUTES, type Employee } from '../../domain/employee';
import { defineEntity, nameSortKey } from '../entity';

/**
 * Employees. gsi1: employees of an agency by name; gsi2: employees of a unit by name.
 * `positionType` is lifted to the top level so lists can filter on it.
 */
export const employeeEntity = defineEntity<Employee>({
  type: 'Employee',
  indexes: {
    gsi1: (e) => ({ pk: `${e.agencyId}#Employee`, sk: `${nameSortKey(e.name)}#${e.id}` }),
    gsi2: (e) => ({ pk: `${e.agencyId}#Unit#${e.unitId}#Employee`, sk: `${nameSortKey(e.name)}#${e.id}` }),
  },
  derived: (e) => ({ positionType: e.position.type }),
  // Bounded id lists on the parent let a page of employees load its relations with BatchGetItem.
  external: EMPLOYEE_RELATION_ATTRIBUTES,
});
