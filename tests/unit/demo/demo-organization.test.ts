import { describe, expect, it } from 'vitest';
import { buildDemoOrganization } from '../../../src/demo/build-organization';
import { parseNip } from '../../../src/domain/nip';

const NOW = new Date('2026-11-01T00:00:00.000Z');
const demo = buildDemoOrganization(NOW);

describe('demo organization', () => {
  it('has the four agencies of the design with stable ids', () => {
    expect(demo.agencies.map((a) => a.id)).toEqual(['medan', 'palembang', 'gorontalo', 'binjai']);
  });

  it('includes Kecamatan Medan Belawan (127120) and Kecamatan Plaju', () => {
    expect(demo.units.find((u) => u.id === 'medan-belawan')?.region).toMatchObject({
      code: '127120',
      level: 'DISTRICT',
    });
    expect(demo.units.find((u) => u.id === 'palembang-plaju')?.name).toBe('Kecamatan Plaju');
  });

  it('gives every employee a valid, unique NIP whose parts agree with the record', () => {
    expect(demo.employees.length).toBeGreaterThanOrEqual(300);
    const nips = new Set<string>();
    for (const employee of demo.employees) {
      const parsed = parseNip(employee.nip, employee.employmentType);
      expect(parsed, `${employee.id} ${employee.nip}`).toMatchObject({ ok: true });
      if (!parsed.ok) continue;
      expect(parsed.value.gender).toBe(employee.gender);
      expect(parsed.value.birthDate).toBe(employee.birthDate);
      expect(employee.serviceStartDate >= parsed.value.startDate).toBe(true);
      nips.add(`${employee.agencyId}:${employee.nip}`);
    }
    expect(nips.size).toBe(demo.employees.length);
  });

  it('gives PNS a golongan and PPPK a grade, never both', () => {
    for (const e of demo.employees) {
      expect(
        e.employmentType === 'PNS'
          ? Boolean(e.golongan) && !e.pppkGrade
          : Boolean(e.pppkGrade) && !e.golongan,
      ).toBe(true);
    }
  });

  it('keeps unit parents within the agency and heads within the unit', () => {
    for (const unit of demo.units) {
      if (unit.parentId) expect(demo.units.find((u) => u.id === unit.parentId)?.agencyId).toBe(unit.agencyId);
      expect(demo.employees.find((e) => e.id === unit.headEmployeeId)?.unitId).toBe(unit.id);
    }
  });

  it('is the same on every build', () => {
    expect(buildDemoOrganization(NOW)).toEqual(demo);
  });
});
