import { describe, expect, it } from 'vitest';
import {
  checkMentorEligibility,
  compareSeniority,
  DEFAULT_MAX_ACTIVE_MENTEES,
  gradeOrderOf,
  type MentorEligibilityInput,
  type SeniorityProfile,
  serviceStartIssue,
} from '../../../src/domain/mentorship-rules';

const asOf = '2026-07-01';
const pns = (golongan: SeniorityProfile['golongan'], serviceStartDate: string): SeniorityProfile => ({
  employmentType: 'PNS',
  golongan,
  serviceStartDate,
});
const pppk = (pppkGrade: SeniorityProfile['pppkGrade'], serviceStartDate: string): SeniorityProfile => ({
  employmentType: 'PPPK',
  pppkGrade,
  serviceStartDate,
});

describe('gradeOrderOf', () => {
  it.each([
    [pns('I_A', '2000-01-01'), 1],
    [pns('III_A', '2000-01-01'), 9],
    [pns('IV_E', '2000-01-01'), 17],
    [pppk('IX', '2000-01-01'), 9],
    [pppk('XVII', '2000-01-01'), 17],
    [pns(undefined, '2000-01-01'), undefined],
  ])('puts %j at order %s on the common ladder', (profile, order) => {
    expect(gradeOrderOf(profile)).toBe(order);
  });
});

describe('compareSeniority', () => {
  it.each([
    ['a higher golongan, despite fewer years', pns('III_C', '2020-01-01'), pns('III_B', '2005-01-01')],
    ['the same golongan with more years of service', pns('III_A', '2010-03-01'), pns('III_A', '2018-03-01')],
    ['PNS III/b over PPPK grade IX (order 10 over 9)', pns('III_B', '2022-01-01'), pppk('IX', '2015-01-01')],
    ['PPPK grade X over PNS III/a (order 10 over 9)', pppk('X', '2024-01-01'), pns('III_A', '2010-01-01')],
    ['more years when a grade is missing', pns(undefined, '2001-01-01'), pns('IV_A', '2015-01-01')],
  ])('ranks %s as more senior', (_, senior, junior) => {
    expect(compareSeniority(senior, junior, asOf)).toBeGreaterThan(0);
    expect(compareSeniority(junior, senior, asOf)).toBeLessThan(0);
  });

  it('treats PNS III/a and PPPK IX with the same completed years as equally senior', () => {
    expect(compareSeniority(pns('III_A', '2019-01-01'), pppk('IX', '2019-06-01'), asOf)).toBe(0);
  });

  it('counts only completed years of service on the asOf date', () => {
    const a = pns('II_C', '2016-07-01'); // 10 years on 2026-07-01
    const b = pns('II_C', '2016-07-02'); // 9 years on 2026-07-01
    expect(compareSeniority(a, b, asOf)).toBe(1);
    expect(compareSeniority(a, b, '2026-07-02')).toBe(0);
  });

  it('sorts a list from junior to senior when used as a comparator', () => {
    const staff = [pns('IV_A', '2000-01-01'), pns('II_A', '2000-01-01'), pppk('IX', '2010-01-01')];
    expect(staff.sort((x, y) => compareSeniority(x, y, asOf)).map(gradeOrderOf)).toEqual([5, 9, 13]);
  });
});

describe('checkMentorEligibility', () => {
  const base: MentorEligibilityInput = {
    mentorId: 'e-senior',
    menteeId: 'e-junior',
    mentor: pns('IV_A', '2005-01-01'),
    mentee: pns('III_A', '2022-01-01'),
    activeMenteeCount: 2,
    asOf,
  };

  it('lets a more senior employee with room mentor a junior', () => {
    expect(checkMentorEligibility(base)).toEqual({ ok: true });
  });

  it('refuses self-mentoring', () => {
    expect(checkMentorEligibility({ ...base, menteeId: 'e-senior', mentee: base.mentor })).toMatchObject({
      ok: false,
      code: 'SELF_MENTORING',
    });
  });

  it('refuses a mentor who is not more senior than the mentee', () => {
    const result = checkMentorEligibility({ ...base, mentor: base.mentee, mentee: base.mentor });
    expect(result).toMatchObject({ ok: false, code: 'NOT_MORE_SENIOR' });
  });

  it('refuses a mentor exactly as senior as the mentee', () => {
    const peer = pns('III_A', '2022-01-01');
    expect(checkMentorEligibility({ ...base, mentor: peer, mentee: peer })).toMatchObject({
      code: 'NOT_MORE_SENIOR',
    });
  });

  it('refuses a sixth active mentee under the default limit of 5', () => {
    expect(DEFAULT_MAX_ACTIVE_MENTEES).toBe(5);
    expect(checkMentorEligibility({ ...base, activeMenteeCount: 4 })).toEqual({ ok: true });
    expect(checkMentorEligibility({ ...base, activeMenteeCount: 5 })).toEqual({
      ok: false,
      code: 'MENTEE_LIMIT_REACHED',
      reason: 'the mentor already has 5 active mentees; the limit is 5',
    });
  });

  it('honours an agency limit', () => {
    expect(checkMentorEligibility({ ...base, activeMenteeCount: 2, maxActiveMentees: 2 })).toMatchObject({
      code: 'MENTEE_LIMIT_REACHED',
    });
  });
});

describe('serviceStartIssue', () => {
  const mentor = { serviceStartDate: '2005-03-01' };
  const mentee = { serviceStartDate: '2015-03-01' };
  it.each([
    ['on the later start of service', '2015-03-01', undefined],
    ['the day before the mentee began', '2015-02-28', 'mentee'],
    ['before either began (the mentor is named first)', '2004-12-31', 'mentor'],
  ])('a start %s', (_, startDate, role) => {
    const found = serviceStartIssue(mentor, mentee, startDate);
    expect(found?.role).toBe(role);
    if (role) expect(found?.reason).toContain(`${role}'s start of service`);
  });
});
