import { describe, expect, it } from 'vitest';
import { cellDeltas } from '../../../src/domain/analytics/cells';
import { contributionOf } from '../../../src/domain/analytics/facts';
import { cuboidsOf } from '../../../src/domain/analytics/families';

const enrollment = {
  entity: 'Enrollment',
  agencyId: 'medan',
  id: 'e1',
  programId: 'p1',
  employeeId: 'emp1',
  unitId: 'u1',
  employeeProfile: { unitId: 'u1', grade: 'III_A', employmentType: 'PNS', gender: 'FEMALE' },
  programStartDate: '2026-03-02',
  status: 'ENROLLED',
  jpCredited: 0,
};
const categoryOf = (agencyId: string, programId: string) =>
  agencyId === 'medan' && programId === 'p1' ? 'IT' : undefined;
const facts = (item: Record<string, unknown> | undefined) => contributionOf(item, categoryOf).facts;

describe('cells an enrollment change writes', () => {
  it('keeps enrollments in 36 cuboids: the 32 of the lattice and 4 that store the category', () => {
    const cuboids = cuboidsOf('ENROLLMENT').map((dims) => dims.join('+'));
    expect(cuboids).toHaveLength(36);
    expect(cuboids.filter((c) => c.includes('PROGRAM_CATEGORY'))).toEqual([
      'PROGRAM_CATEGORY',
      'PROGRAM_CATEGORY+UNIT',
      'ENROLLMENT_STATUS+PROGRAM_CATEGORY',
      'ENROLLMENT_STATUS+PROGRAM_CATEGORY+UNIT',
    ]);
  });

  it('adds a new enrollment to 36 cells, under its program category', () => {
    const deltas = cellDeltas([], facts(enrollment));
    expect(deltas).toHaveLength(36);
    expect(deltas.find((d) => d.cuboid === 'PROGRAM_CATEGORY+UNIT')).toMatchObject({
      bucket: '2026-03',
      head: 'u1',
      tail: 'IT',
      components: { enrollments: 1 },
    });
  });

  it('moves a completed enrollment in 48 cells: out of and into the 12 cuboids that hold its status', () => {
    const completed = {
      ...enrollment,
      status: 'COMPLETED',
      completedAt: '2026-03-05T00:00:00.000Z',
      jpCredited: 8,
    };
    expect(cellDeltas(facts(enrollment), facts(completed))).toHaveLength(48);
  });

  it('counts an enrollment whose program is not found under `-`', () => {
    const cell = cellDeltas([], facts({ ...enrollment, programId: 'gone' })).find(
      (d) => d.cuboid === 'PROGRAM_CATEGORY',
    );
    expect(cell?.tail).toBe('-');
  });
});
