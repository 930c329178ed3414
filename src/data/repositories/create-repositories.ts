import type { CursorCodec } from '../cursor';
import type { Table } from '../table';
import { createEmployeeRepository } from './employee-repository';
import { createOrganizationRepository } from './organization-repository';

/** Every repository over the one table; services receive the ones they need. */
export function createRepositories(table: Table, cursors: CursorCodec) {
  return {
    table,
    cursors,
    employees: createEmployeeRepository(table, cursors),
    organization: createOrganizationRepository(table, cursors),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
