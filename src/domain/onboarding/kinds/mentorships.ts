import type { ColumnSpec, FieldRow } from '../columns';
import { RowCheck, type RowResult } from '../row-check';

const column = (
  field: string,
  header: string,
  aliases: string[],
  required: boolean,
  description: string,
  example: string,
): ColumnSpec => ({ field, header, aliases, required, description, example });

/** Columns of a mentorships file (pembimbingan / mentoring). */
export const MENTORSHIP_COLUMNS: readonly ColumnSpec[] = [
  column(
    'mentorNip',
    'NIP Mentor',
    ['nip pembimbing', 'nip mentor', 'mentor nip', 'mentor'],
    true,
    'NIP of the mentor (pembimbing), more senior than the mentee.',
    '198001012005011001',
  ),
  column(
    'menteeNip',
    'NIP Mentee',
    ['nip peserta', 'nip yang dibimbing', 'mentee nip', 'mentee'],
    true,
    'NIP of the mentee (yang dibimbing).',
    '199001012015031002',
  ),
  column(
    'startDate',
    'Tanggal Mulai',
    ['mulai', 'start date', 'tanggal mulai pembimbingan'],
    true,
    'First day of the mentorship; with both NIPs the natural key.',
    '01-02-2026',
  ),
  column(
    'endDate',
    'Tanggal Selesai',
    ['selesai', 'end date', 'rencana selesai'],
    false,
    'Planned last day, not before the first.',
    '31-07-2026',
  ),
  column(
    'goals',
    'Tujuan',
    ['sasaran', 'goals', 'tujuan pembimbingan'],
    false,
    'Goals, separated by ;',
    'Menyusun laporan kinerja; Presentasi',
  ),
];

/** A checked mentorship row; the employees are resolved against the agency later. */
export interface MentorshipRow {
  mentorNip: string;
  menteeNip: string;
  startDate: string;
  endDate?: string | undefined;
  goals: string[];
}

const nipOf = (check: RowCheck, field: string) => {
  const nip = check.text(field, { required: true, max: 40 })?.replace(/[\s.'-]/g, '');
  if (nip && !/^\d{18}$/.test(nip)) check.fail(field, 'must be 18 digits');
  return nip;
};

/** Checks one mentorship row (cells and their agreement with each other). */
export function checkMentorshipRow(row: FieldRow, today: string): RowResult<MentorshipRow> {
  const check = new RowCheck(row);
  const mentorNip = nipOf(check, 'mentorNip');
  const menteeNip = nipOf(check, 'menteeNip');
  if (mentorNip && mentorNip === menteeNip)
    check.fail('menteeNip', 'is the mentor: an employee cannot mentor themself');
  const startDate = check.date('startDate', true);
  if (startDate && startDate > today) check.fail('startDate', 'must not be in the future');
  const endDate = check.date('endDate');
  if (startDate && endDate && endDate < startDate) check.fail('endDate', 'must not be before Tanggal Mulai');
  const goals = (check.text('goals', { max: 2000 }) ?? '')
    .split(';')
    .map((g) => g.trim())
    .filter(Boolean);
  if (goals.length > 20) check.fail('goals', 'at most 20 goals');
  return check.result(() => ({
    mentorNip: mentorNip as string,
    menteeNip: menteeNip as string,
    startDate: startDate as string,
    endDate,
    goals,
  }));
}
