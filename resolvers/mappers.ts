/**
 * Ties GraphQL types to the models resolvers receive as parents (graphql-codegen mappers).
 * Object types not listed here map to their generated shapes.
 */
import type { Caller } from '../src/auth/caller';
import type { Connection } from '../src/data/paginate';
import type { Employee as EmployeeRecord } from '../src/domain/employee';
import type { Golongan } from '../src/domain/golongan';
import type { Agency as AgencyRecord, Unit as UnitRecord } from '../src/domain/organization';

export type Agency = AgencyRecord;
export type Unit = UnitRecord;
export type Employee = EmployeeRecord;
export type Viewer = Caller;
export type Rank = Golongan;
export type UnitConnection = Connection<UnitRecord>;
export type EmployeeConnection = Connection<EmployeeRecord>;
