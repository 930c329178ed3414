import { describe, expect, it } from 'vitest';
import { employeeEntity } from '../../../src/data/entities/employee';
import { enrollmentEntity } from '../../../src/data/entities/enrollment';
import { partnerEntity } from '../../../src/data/entities/partner';
import { trainingProgramEntity } from '../../../src/data/entities/training-program';
import { unitEntity } from '../../../src/data/entities/unit';
import { createExportReads } from '../../../src/data/imports/export-reads';
import { createReferenceSets } from '../../../src/data/imports/reference-sets';
import type { QuerySpec, Table } from '../../../src/data/table';
import { buildDemoOrganization } from '../../../src/demo/build-organization';
import { buildDemoTraining } from '../../../src/demo/build-training';

const NOW = new Date('2026-11-01T03:00:00.000Z');
const org = buildDemoOrganization(NOW);
const training = buildDemoTraining(NOW, org);
const [unit] = org.units;
const [employee] = org.employees;
const [partner] = training.partners;
const [program] = training.programs;
const [enrollment] = training.enrollments;
if (!unit || !employee || !partner || !program || !enrollment) throw new Error('no fixture');

/** A table that records the queries it is asked and answers none. */
function recordingTable() {
  const specs: QuerySpec[] = [];
  const table = {
    async queryAll(spec: QuerySpec) {
      specs.push(spec);
      return [];
    },
    async queryPage(spec: QuerySpec) {
      specs.push(spec);
      return { items: [], lastKey: undefined };
    },
  } as unknown as Table;
  return { table, specs };
}

const drain = async (pages: AsyncGenerator<unknown[]>) => {
  for await (const _ of pages);
};

describe('import and export reads query the partitions the entities index under', () => {
  it('reads units, partners and programs from their gsi1 partitions', async () => {
    const { table, specs } = recordingTable();
    const sets = createReferenceSets(table);
    await sets.units(unit.agencyId);
    await sets.partners(partner.agencyId);
    await sets.programs(program.agencyId);
    expect(specs.map((s) => [s.index, s.partition])).toEqual([
      ['gsi1', unitEntity.toItem(unit).gsi1pk],
      ['gsi1', partnerEntity.toItem(partner).gsi1pk],
      ['gsi1', trainingProgramEntity.toItem(program).gsi1pk],
    ]);
  });

  it("exports programs up to a start date, a program's enrollments and the employees", async () => {
    const { table, specs } = recordingTable();
    const reads = createExportReads(table);
    await drain(reads.programs(program.agencyId, program.startDate));
    await drain(reads.enrollments(enrollment.agencyId, enrollment.programId, ['COMPLETED']));
    await drain(reads.employees(employee.agencyId));
    const [programs, enrollments, employees] = specs;
    expect(programs?.partition).toBe(trainingProgramEntity.toItem(program).gsi1pk);
    // The range of programs starting by a date holds the program, not one starting a day later.
    const upper = (programs?.sortKey as { lte?: string } | undefined)?.lte ?? '';
    const sortKeyStarting = (startDate: string) =>
      String(trainingProgramEntity.toItem({ ...program, startDate }).gsi1sk);
    const nextDay = new Date(Date.parse(program.startDate) + 86_400_000).toISOString().slice(0, 10);
    expect(sortKeyStarting(program.startDate) <= upper).toBe(true);
    expect(sortKeyStarting(nextDay) > upper).toBe(true);
    expect(enrollments?.partition).toBe(enrollmentEntity.toItem(enrollment).gsi1pk);
    expect(employees?.partition).toBe(employeeEntity.toItem(employee).gsi1pk);
  });
});
