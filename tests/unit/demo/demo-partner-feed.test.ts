import { describe, expect, it } from 'vitest';
import { partnerSees } from '../../../src/data/partner-feed';
import { buildDemoOrganization } from '../../../src/demo/build-organization';
import { buildDemoTraining } from '../../../src/demo/build-training';
import { demoItems } from '../../../src/demo/seed-demo-data';

const NOW = new Date('2026-11-01T00:00:00.000Z');
const training = buildDemoTraining(NOW, buildDemoOrganization(NOW));
// The feeds as the seed writes them: through the feed's builder, as every enrollment write does.
const items = demoItems(NOW);
const entries = items.filter((i) => i.entity === 'EnrollmentChange');

describe('demo partner feeds', () => {
  it('numbers each partner feed 1..n without gaps, in time order, with the counter at n', () => {
    const partners = new Set(entries.map((e) => e.partnerId));
    expect([...partners].sort()).toEqual(['ung', 'unsri', 'usu']);
    for (const partner of partners) {
      const mine = entries.filter((e) => e.partnerId === partner);
      expect(mine.map((e) => e.sequence)).toEqual(mine.map((_, i) => i + 1));
      const times = mine.map((e) => String(e.changedAt));
      expect(times).toEqual([...times].sort());
      const counter = items.find((i) => i.entity === 'EnrollmentFeedCounter' && i.pk === mine[0]?.pk);
      expect(counter?.sequence).toBe(mine.length);
    }
  });

  it('has a CREATED change for every enrollment of a partner program and an end change for each ended one', () => {
    const ofPartners = training.enrollments.filter((e) => e.partnerId && partnerSees(e));
    expect(ofPartners.length).toBeGreaterThan(0);
    for (const enrollment of ofPartners) {
      const changes = entries.filter((e) => e.enrollmentId === enrollment.id).map((e) => e.changeType);
      const end = { COMPLETED: 'COMPLETED', DROPPED: 'CANCELLED', NO_SHOW: 'UPDATED' }[
        enrollment.status as string
      ];
      expect(changes).toEqual(end ? ['CREATED', end] : ['CREATED']);
    }
    expect(entries.filter((e) => training.enrollments.every((x) => x.id !== e.enrollmentId))).toEqual([]);
  });

  it('holds no pending or declined invitation (the agency keeps them until accepted)', () => {
    const hidden = training.enrollments.filter((e) => e.partnerId && !partnerSees(e));
    expect(hidden.map((e) => e.status)).toEqual(expect.arrayContaining(['INVITED', 'DECLINED']));
    const ids = new Set(entries.map((e) => e.enrollmentId));
    expect(hidden.filter((e) => ids.has(e.id))).toEqual([]);
  });

  it('narrowed to some agencies, holds only their items and renumbers the feeds of their enrollments', () => {
    const binjai = demoItems(NOW, ['binjai']);
    const agenciesOf = new Set(binjai.flatMap((i) => (typeof i.agencyId === 'string' ? [i.agencyId] : [])));
    expect([...agenciesOf]).toEqual(['binjai']);
    const usu = binjai.filter((i) => i.entity === 'EnrollmentChange' && i.partnerId === 'usu');
    expect(usu.length).toBeGreaterThan(0);
    expect(usu.map((e) => e.sequence)).toEqual(usu.map((_, i) => i + 1));
    const counters = binjai.filter((i) => i.entity === 'EnrollmentFeedCounter');
    expect(counters.map((c) => [c.pk, c.sequence])).toEqual([[usu[0]?.pk, usu.length]]);
  });
});
