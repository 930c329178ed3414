import { describe, expect, it } from 'vitest';
import { buildDemoFeedback, demoFeedbackItems } from '../../../src/demo/build-feedback';
import { buildDemoOrganization } from '../../../src/demo/build-organization';
import { buildDemoPerformance, demoPerformanceItems } from '../../../src/demo/build-performance';
import { jakartaDateOf } from '../../../src/domain/calendar-date';
import { complaintStatusAt } from '../../../src/domain/complaint-deadlines';
import { isComplaintKind } from '../../../src/domain/feedback';
import { IKM_ELEMENTS, ikmFromSums, validateSurveyAnswers } from '../../../src/domain/ikm';
import { indicatorChange } from '../../../src/domain/indicator-achievement';
import { CADENCE_PERIOD_KIND } from '../../../src/domain/performance-indicator';
import { parsePeriod } from '../../../src/domain/period';

const NOW = new Date('2026-11-01T00:00:00.000Z');
const today = jakartaDateOf(NOW.getTime());
const organization = buildDemoOrganization(NOW);
const performance = buildDemoPerformance(NOW);
const feedback = buildDemoFeedback(NOW);
const unitIds = new Set(organization.units.map((u) => u.id));
const monthsAgo = (months: number) => new Date(NOW.getTime() - months * 30 * 86_400_000).toISOString();

describe('demo performance indicators', () => {
  it('cover the units of the articles, with codes unique per agency', () => {
    const codes = performance.indicators.map((i) => `${i.agencyId}:${i.code}`);
    expect(new Set(codes).size).toBe(codes.length);
    for (const unit of [
      'medan-belawan',
      'palembang-plaju',
      'palembang-pkm-plaju',
      'gorontalo-disdik',
      'gorontalo-pkm-selatan',
    ]) {
      expect(
        performance.indicators.some((i) => i.unitId === unit),
        unit,
      ).toBe(true);
    }
    expect(performance.indicators.filter((i) => i.agencyId === 'binjai').length).toBeGreaterThanOrEqual(3);
  });

  it('point at units and employees of their own agency', () => {
    for (const indicator of performance.indicators) {
      expect(organization.units.find((u) => u.id === indicator.unitId)?.agencyId).toBe(indicator.agencyId);
      if (indicator.scope === 'EMPLOYEE') {
        const employee = organization.employees.find((e) => e.id === indicator.employeeId);
        expect(employee?.unitId).toBe(indicator.unitId);
        expect(indicator.scopeId).toBe(indicator.employeeId);
      } else {
        expect(indicator.scopeId).toBe(indicator.unitId);
      }
    }
  });

  it('measure each indicator in periods of its cadence, once each, all started and recorded by now', () => {
    for (const indicator of performance.indicators) {
      const periods = performance.measurements
        .filter((m) => m.indicatorId === indicator.id)
        .map((m) => m.period);
      expect(periods.length, indicator.code).toBeGreaterThanOrEqual(2);
      expect(new Set(periods).size).toBe(periods.length);
      for (const key of periods) {
        const period = parsePeriod(key);
        expect(period.ok && period.value.kind, `${indicator.code} ${key}`).toBe(
          CADENCE_PERIOD_KIND[indicator.cadence],
        );
        expect(period.ok && period.value.end < today).toBe(true);
      }
    }
    for (const m of performance.measurements) {
      expect(Number.isFinite(m.value)).toBe(true);
      expect(m.recordedAt <= NOW.toISOString()).toBe(true);
    }
    const monthly = performance.indicators.find((i) => i.cadence === 'MONTHLY');
    expect(performance.measurements.filter((m) => m.indicatorId === monthly?.id)).toHaveLength(24);
  });

  it('improve after the programs start, except where article 003 asks for a review', () => {
    for (const indicator of performance.indicators.filter((i) => i.cadence !== 'YEARLY')) {
      const values = performance.measurements
        .filter((m) => m.indicatorId === indicator.id)
        .sort((a, b) => (a.period < b.period ? -1 : 1))
        .map((m) => m.value);
      const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
      const third = Math.floor(values.length / 3);
      const change = indicatorChange({
        direction: indicator.direction,
        before: mean(values.slice(0, third)),
        after: mean(values.slice(-third)),
      });
      if (indicator.code === 'IKU-BNJ-03') expect(Math.abs(change ?? 0), indicator.code).toBeLessThan(5);
      else expect(change, indicator.code).toBeGreaterThan(10);
    }
  });
});

describe('demo feedback', () => {
  it('has a few hundred survey responses, each a valid set of nine answers', () => {
    const surveys = feedback.filter((f) => f.surveyAnswers);
    expect(surveys.length).toBeGreaterThanOrEqual(300);
    for (const entry of surveys)
      expect(validateSurveyAnswers(entry.surveyAnswers ?? []).ok, entry.id).toBe(true);
  });

  it('belongs to existing units, within the last 24 months, with text or answers, ids unique', () => {
    expect(new Set(feedback.map((f) => `${f.agencyId}:${f.id}`)).size).toBe(feedback.length);
    for (const entry of feedback) {
      expect(unitIds.has(entry.unitId) && entry.unitId.startsWith(`${entry.agencyId}-`), entry.id).toBe(true);
      expect(entry.submittedAt < NOW.toISOString() && entry.submittedAt > monthsAgo(25)).toBe(true);
      expect(Boolean(entry.surveyAnswers || entry.text)).toBe(true);
      expect((entry.text ?? '').length).toBeLessThanOrEqual(2000);
    }
  });

  it('shows health-service satisfaction in Puskesmas Plaju rising from band C to band B (article 001)', () => {
    const plaju = feedback.filter((f) => f.unitId === 'palembang-pkm-plaju' && f.surveyAnswers);
    const bandOf = (entries: typeof plaju) => {
      const sums = IKM_ELEMENTS.map((_, i) => entries.reduce((s, f) => s + (f.surveyAnswers?.[i] ?? 0), 0));
      const ikm = ikmFromSums(sums, entries.length);
      return ikm.ok ? ikm.value.band : undefined;
    };
    expect(bandOf(plaju.filter((f) => f.submittedAt < monthsAgo(14)))).toBe('C');
    expect(bandOf(plaju.filter((f) => f.submittedAt >= monthsAgo(10)))).toBe('B');
  });

  it('has forum input and online complaints about slow service in Belawan: in time, overdue and open', () => {
    const belawan = feedback.filter((f) => f.unitId === 'medan-belawan');
    expect(belawan.filter((f) => f.channel === 'FORUM').length).toBeGreaterThanOrEqual(6);
    const statuses = belawan
      .filter((f) => f.channel === 'ONLINE' && isComplaintKind(f.kind))
      .map((f) => {
        if (!isComplaintKind(f.kind)) throw new Error('not a complaint');
        const { firstResponseAt, resolvedAt } = f;
        expect(!firstResponseAt || firstResponseAt > f.submittedAt).toBe(true);
        expect(
          !resolvedAt || (resolvedAt > (firstResponseAt ?? f.submittedAt) && resolvedAt <= NOW.toISOString()),
        ).toBe(true);
        return complaintStatusAt(
          {
            kind: f.kind,
            receivedAt: f.submittedAt,
            ...(firstResponseAt ? { firstResponseAt } : {}),
            ...(resolvedAt ? { resolvedAt } : {}),
          },
          NOW.toISOString(),
        );
      });
    expect(statuses.some((s) => s.stage === 'RESOLVED' && !s.resolutionOverdue)).toBe(true);
    expect(statuses.some((s) => s.stage === 'RESOLVED' && s.resolutionOverdue)).toBe(true);
    expect(statuses.some((s) => s.stage !== 'RESOLVED' && s.resolutionOverdue)).toBe(true);
    expect(statuses.some((s) => s.stage !== 'RESOLVED' && !s.resolutionOverdue)).toBe(true);
  });

  it('uses every channel, and has complaint-box notes', () => {
    expect(new Set(feedback.map((f) => f.channel))).toEqual(
      new Set(['SURVEY', 'FORUM', 'ONLINE', 'COMPLAINT_BOX']),
    );
  });
});

describe('demo items', () => {
  it('keep every key inside its agency', () => {
    for (const item of [...demoPerformanceItems(NOW), ...demoFeedbackItems(NOW)]) {
      const agency = String(item.agencyId);
      for (const key of ['pk', 'gsi1pk', 'gsi2pk', 'gsi3pk', 'gsi4pk']) {
        if (item[key] !== undefined)
          expect(String(item[key]).startsWith(`${agency}#`), `${key} ${item[key]}`).toBe(true);
      }
    }
  });

  it('are the same on every build', () => {
    expect(buildDemoPerformance(NOW)).toEqual(performance);
    expect(buildDemoFeedback(NOW)).toEqual(feedback);
  });
});
