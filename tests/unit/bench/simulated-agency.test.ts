import { describe, expect, it } from 'vitest';
import { simulatedAgencyItems } from '../../../scripts/bench/rollup-sizes';

const NOW = new Date('2026-12-02T08:00:00Z');
const RECORDS = 20_000;

describe('the simulated large agency of the rollup-size figure', () => {
  const all = [...simulatedAgencyItems(RECORDS, NOW)];
  const oneMonth = [...simulatedAgencyItems(RECORDS, NOW, true)];
  const enrollments = (items: typeof all) => items.filter((i) => i.entity === 'Enrollment');
  const employees = (items: typeof all) => items.filter((i) => i.entity === 'Employee');

  it('folds every employee in both modes', () => {
    expect(employees(oneMonth).length).toBe(employees(all).length);
    expect(employees(all).length).toBe(RECORDS * 0.05);
  });

  it('folds one month of enrollments: the latest whose programs have all ended', () => {
    const months = new Set(enrollments(oneMonth).map((e) => String(e.programStartDate).slice(0, 7)));
    expect([...months]).toEqual(['2026-11']);
    expect(enrollments(oneMonth).some((e) => e.status === 'COMPLETED')).toBe(true);
  });

  it('yields the programs of its enrollments before them (their categories go into the cells)', () => {
    const programs = new Set(oneMonth.filter((i) => i.entity === 'TrainingProgram').map((i) => i.id));
    const first = oneMonth.findIndex((i) => i.entity === 'Enrollment');
    expect(oneMonth.slice(first).some((i) => i.entity === 'TrainingProgram')).toBe(false);
    expect(enrollments(oneMonth).every((e) => programs.has(e.programId))).toBe(true);
  });

  it("holds that month's share of the agency's enrollments (24 months)", () => {
    const share = enrollments(oneMonth).length / enrollments(all).length;
    expect(share).toBeCloseTo(1 / 24, 3);
  });
});
