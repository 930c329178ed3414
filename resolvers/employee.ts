import * as z from 'zod';
import { completedYearsBetween, jakartaDateOf } from '../src/domain/calendar-date';
import { highestRegularGrade } from '../src/domain/career-rules';
import { golonganLabel, golonganOrder, pangkatOf } from '../src/domain/golongan';
import { UNIT_KINDS } from '../src/domain/organization';
import type { Resolvers } from '../src/generated/graphql';
import { lazySchema } from '../src/validation/lazy-schema';
import {
  CreateEmployeeInput,
  EmployeeFilterInput,
  NipArgument,
  UpdateEmployeeInput,
} from './employee.inputs';
import { toGlobalId } from './global-id';
import { globalIdOf } from './input-fields';
import { parseInput } from './parse-input';
import { required } from './required';
import { CreateUnitInput, UpdateUnitInput } from './unit.inputs';

const UnitFilterInput = lazySchema(() =>
  z
    .object({
      kinds: z
        .array(z.enum(UNIT_KINDS))
        .max(UNIT_KINDS.length)
        .nullish()
        .transform((v) => v ?? undefined),
      parentId: globalIdOf('Unit')()
        .nullish()
        .transform((v) => v?.id),
    })
    .nullish()
    .transform((f) => f ?? {}),
);

/** Agencies, units and employees. */
export const employeeResolvers: Resolvers = {
  Query: {
    employee: (_, { id }, ctx) =>
      ctx.services.employees.getVisible(ctx, parseInput(globalIdOf('Employee'), id, 'id')),
    employeeByNip: (_, { nip }, ctx) =>
      ctx.services.employees.getByNip(ctx, parseInput(NipArgument, nip, 'nip')),
    employees: (_, { filter, first, after }, ctx) =>
      ctx.services.employees.list(ctx, parseInput(EmployeeFilterInput, filter, 'filter'), { first, after }),
    unit: (_, { id }, ctx) =>
      ctx.services.organization.getUnit(ctx, parseInput(globalIdOf('Unit'), id, 'id')),
    units: (_, { filter, first, after }, ctx) =>
      ctx.services.organization.listUnits(ctx, parseInput(UnitFilterInput, filter, 'filter'), {
        first,
        after,
      }),
  },
  Mutation: {
    createEmployee: (_, { input }, ctx) =>
      ctx.services.employees.create(ctx, parseInput(CreateEmployeeInput, input)),
    updateEmployee: (_, { input }, ctx) =>
      ctx.services.employees.update(ctx, parseInput(UpdateEmployeeInput, input)),
    createUnit: (_, { input }, ctx) =>
      ctx.services.organization.createUnit(ctx, parseInput(CreateUnitInput, input)),
    updateUnit: (_, { input }, ctx) =>
      ctx.services.organization.updateUnit(ctx, parseInput(UpdateUnitInput, input)),
  },
  Agency: {
    id: (agency) => toGlobalId('Agency', agency.id, agency.id),
    code: (agency) => agency.id,
    units: (_, { filter, first, after }, ctx) =>
      ctx.services.organization.listUnits(ctx, parseInput(UnitFilterInput, filter, 'filter'), {
        first,
        after,
      }),
  },
  Unit: {
    id: (unit) => toGlobalId('Unit', unit.agencyId, unit.id),
    agency: async (unit, _, ctx) =>
      ctx.services.organization.getAgency(ctx, unit.agencyId).then(required('Agency')),
    parent: (unit, _, ctx) =>
      unit.parentId
        ? ctx.services.organization.getUnit(ctx, { agencyId: unit.agencyId, id: unit.parentId })
        : null,
    children: (unit, { first, after }, ctx) =>
      ctx.services.organization.listUnits(ctx, { parentId: unit.id }, { first, after }),
    head: (unit, _, ctx) =>
      unit.headEmployeeId
        ? ctx.services.employees.get(ctx, { agencyId: unit.agencyId, id: unit.headEmployeeId })
        : null,
    employees: (unit, { filter, first, after }, ctx) =>
      ctx.services.employees.list(
        ctx,
        {
          ...parseInput(EmployeeFilterInput, filter, 'filter'),
          unit: { agencyId: unit.agencyId, id: unit.id },
        },
        { first, after },
      ),
  },
  UnitConnection: { totalCount: (connection) => connection.totalCount() },
  EmployeeConnection: { totalCount: (connection) => connection.totalCount() },
  Employee: {
    id: (employee) => toGlobalId('Employee', employee.agencyId, employee.id),
    rank: (employee) => employee.golongan ?? null,
    golongan: (employee) => employee.golongan ?? null,
    pppkGrade: (employee) => employee.pppkGrade ?? null,
    education: (employee) => employee.education ?? null,
    highestRegularGolongan: (employee, _, ctx) =>
      employee.employmentType === 'PNS' && employee.education
        ? highestRegularGrade(
            employee.education,
            completedYearsBetween(employee.serviceStartDate, jakartaDateOf(ctx.clock().getTime())),
          )
        : null,
    gradeException: (employee) => employee.gradeException ?? null,
    // Personal data (UU 27/2022): only administrators and the employee see contacts.
    email: (employee, _, ctx) =>
      ctx.services.employees.canSeeContacts(ctx, employee) ? (employee.email ?? null) : null,
    phone: (employee, _, ctx) =>
      ctx.services.employees.canSeeContacts(ctx, employee) ? (employee.phone ?? null) : null,
    unit: (employee, _, ctx) =>
      ctx.services.organization
        .getUnit(ctx, { agencyId: employee.agencyId, id: employee.unitId })
        .then(required('Unit')),
    agency: (employee, _, ctx) =>
      ctx.services.organization.getAgency(ctx, employee.agencyId).then(required('Agency')),
    yearsOfService: (employee, _, ctx) =>
      completedYearsBetween(employee.serviceStartDate, ctx.clock().toISOString().slice(0, 10)),
  },
  Rank: {
    golongan: (golongan) => golongan,
    label: (golongan) => golonganLabel(golongan),
    pangkat: (golongan) => pangkatOf(golongan),
    order: (golongan) => golonganOrder(golongan),
  },
};
