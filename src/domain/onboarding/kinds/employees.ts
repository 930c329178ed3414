import type { GradeExceptionReason } from '../../career-rules';
import type { EmployeeStatus, PositionType } from '../../employee';
import type { Golongan, PppkGrade } from '../../golongan';
import { type EmploymentType, parseNip } from '../../nip';
import { parseGolongan, parsePppkGrade } from '../cell-values';
import type { ColumnSpec, FieldRow } from '../columns';
import { RowCheck, type RowResult } from '../row-check';
import {
  EDUCATION_NAMES,
  type EducationLevel,
  EMPLOYEE_STATUS_NAMES,
  EMPLOYMENT_TYPE_NAMES,
  GENDER_NAMES,
  GRADE_EXCEPTION_NAMES,
  POSITION_TYPE_NAMES,
} from '../value-names';

const column = (
  field: string,
  header: string,
  aliases: string[],
  required: boolean,
  description: string,
  example: string,
): ColumnSpec => ({ field, header, aliases, required, description, example });

/** Columns of an employees file, as SIASN and agency sheets name them. */
export const EMPLOYEE_COLUMNS: readonly ColumnSpec[] = [
  column(
    'nip',
    'NIP',
    ['nip baru', 'nip pegawai'],
    true,
    '18-digit NIP; the natural key (DOMAIN rule 1).',
    '199001012015031002',
  ),
  column(
    'name',
    'Nama',
    ['name', 'nama lengkap', 'nama pegawai', 'nama pns'],
    true,
    'Full name with titles.',
    'Budi Santoso, S.Kom.',
  ),
  column(
    'employmentType',
    'Jenis Pegawai',
    ['employment type', 'jenis kepegawaian', 'status kepegawaian'],
    false,
    'PNS (default) or PPPK.',
    'PNS',
  ),
  column(
    'golongan',
    'Gol/Ruang',
    ['golongan', 'golongan ruang', 'gol', 'pangkat golongan', 'grade', 'golongan pppk'],
    true,
    'PNS: golongan/ruang as III/a, III_A or IIIa; PPPK: grade I–XVII.',
    'III/b',
  ),
  column(
    'position',
    'Jabatan',
    ['position', 'nama jabatan', 'position title'],
    true,
    'Position title (nama jabatan).',
    'Pranata Komputer Ahli Pertama',
  ),
  column(
    'positionType',
    'Jenis Jabatan',
    ['position type'],
    true,
    'Struktural, Fungsional or Pelaksana.',
    'Fungsional',
  ),
  column(
    'unit',
    'Unit Kerja',
    ['unit', 'unit code', 'kode unit', 'unor', 'satuan kerja', 'unit organisasi'],
    true,
    'Code or exact name of the unit (a name shared by two units is refused).',
    'DISKOMINFO',
  ),
  column(
    'education',
    'Pendidikan',
    ['education', 'pendidikan terakhir', 'tingkat pendidikan'],
    false,
    'SD, SMP, SMA, D-I, D-II, D-III, D-IV, S-1, S-2 or S-3; required for a new employee, not below the titles in the name; sets the highest regular golongan (entry grade + one step per 4 years).',
    'S-1',
  ),
  column(
    'gradeException',
    'Dasar Kenaikan Pangkat',
    ['grade exception', 'jenis kenaikan pangkat', 'dasar pangkat'],
    false,
    'Only for a golongan above the regular path: Istimewa, Penemuan Baru, Pilihan, Penyesuaian Ijazah, Masa Kerja Sebelumnya, Pengabdian or Lainnya (with the SK).',
    '',
  ),
  column(
    'gradeExceptionNote',
    'No. SK Pangkat',
    ['grade exception note', 'sk kenaikan pangkat', 'nomor sk pangkat'],
    false,
    'The decree (SK) behind Dasar Kenaikan Pangkat, 5–500 characters.',
    '',
  ),
  column(
    'gender',
    'Jenis Kelamin',
    ['gender', 'sex', 'jk'],
    false,
    'Checked against digit 15 of the NIP (L/P, Laki-laki/Perempuan).',
    'Laki-laki',
  ),
  column(
    'birthDate',
    'Tanggal Lahir',
    ['birth date', 'tgl lahir', 'date of birth'],
    false,
    'Checked against digits 1–8 of the NIP.',
    '01-01-1990',
  ),
  column(
    'serviceStartDate',
    'TMT CPNS',
    ['service start date', 'tmt', 'tmt pns', 'tmt pppk'],
    false,
    'Start of service; not before the month in the NIP (default: that month).',
    '01-03-2015',
  ),
  column(
    'status',
    'Status',
    ['employee status', 'status pegawai', 'kedudukan hukum'],
    false,
    'Aktif (default), Cuti, Tugas Belajar, Pindah, Pensiun or Tidak Aktif.',
    'Aktif',
  ),
  column('email', 'Email', ['e-mail', 'surel'], false, 'Work e-mail.', 'budi.santoso@medan.go.id'),
  column(
    'phone',
    'Telepon',
    ['phone', 'no hp', 'nomor hp', 'hp', 'telp'],
    false,
    '6–15 digits with an optional leading +.',
    '+6281234567890',
  ),
];

/** A checked employee row; the unit is still the cell's text (resolved against the agency's units). */
export interface EmployeeRow {
  nip: string;
  name: string;
  employmentType: EmploymentType;
  golongan?: Golongan | undefined;
  pppkGrade?: PppkGrade | undefined;
  position: { title: string; type: PositionType };
  unitRef: string;
  education?: EducationLevel | undefined;
  /** A documented ground for a golongan above the regular path, with its decree. */
  gradeException?: { reason: GradeExceptionReason; note: string } | undefined;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  serviceStartDate: string;
  /** Whether the file gave TMT CPNS (else the NIP's month, used only for new employees). */
  serviceStartDateGiven: boolean;
  /** Undefined when blank: ACTIVE for a new employee, unchanged for a known one. */
  status?: EmployeeStatus | undefined;
  email?: string | undefined;
  phone?: string | undefined;
}

/** Checks one employee row: cells, and the NIP against type, gender, birth date and TMT. */
export function checkEmployeeRow(row: FieldRow): RowResult<EmployeeRow> {
  const check = new RowCheck(row);
  const employmentType = check.choice('employmentType', EMPLOYMENT_TYPE_NAMES, 'employment type') ?? 'PNS';
  const rawNip = check.text('nip', { required: true, max: 40 })?.replace(/[\s.'-]/g, '');
  const nip = rawNip ? parseNip(rawNip, employmentType) : undefined;
  if (nip && !nip.ok) check.fail('nip', `${nip.reason}`);
  const parsed = nip?.ok ? nip.value : undefined;
  const name = check.text('name', { required: true, min: 2, max: 200 });
  const golongan = employmentType === 'PNS' ? check.parsed('golongan', parseGolongan, true) : undefined;
  const pppkGrade = employmentType === 'PPPK' ? check.parsed('golongan', parsePppkGrade, true) : undefined;
  const title = check.text('position', { required: true, min: 2, max: 200 });
  const positionType = check.choice('positionType', POSITION_TYPE_NAMES, 'position type', true);
  const unitRef = check.text('unit', { required: true, max: 200 });
  const education = check.choice('education', EDUCATION_NAMES, 'education level');
  const exceptionReason = check.choice('gradeException', GRADE_EXCEPTION_NAMES, 'grade exception');
  const exceptionNote = check.text('gradeExceptionNote', { min: 5, max: 500 });
  if (exceptionReason && !exceptionNote)
    check.fail('gradeExceptionNote', 'is required with Dasar Kenaikan Pangkat');
  if (exceptionNote && !exceptionReason) check.fail('gradeException', 'is required with No. SK Pangkat');
  const gender = check.choice('gender', GENDER_NAMES, 'gender');
  if (parsed && gender && gender !== parsed.gender)
    check.fail(
      'gender',
      `does not match the NIP (digit 15 says ${parsed.gender === 'MALE' ? 'male' : 'female'})`,
    );
  const birthDate = check.date('birthDate');
  if (parsed && birthDate && birthDate !== parsed.birthDate)
    check.fail('birthDate', `does not match the NIP (digits 1–8 say ${parsed.birthDate})`);
  const serviceStart = check.date('serviceStartDate');
  if (parsed && serviceStart && serviceStart < parsed.startDate)
    check.fail('serviceStartDate', `must not precede the start in the NIP (${parsed.startDate})`);
  const status = check.choice('status', EMPLOYEE_STATUS_NAMES, 'employee status');
  const email = check.text('email', { max: 254 });
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    check.fail('email', 'is not a valid e-mail address');
  const phone = check.text('phone', { max: 20 })?.replace(/[\s()-]/g, '');
  if (phone && !/^\+?[0-9]{6,15}$/.test(phone))
    check.fail('phone', 'must be 6–15 digits with an optional leading +');
  return check.result(() => {
    const p = parsed as NonNullable<typeof parsed>;
    return {
      nip: p.nip,
      name: name as string,
      employmentType,
      golongan,
      pppkGrade,
      position: { title: title as string, type: positionType as PositionType },
      unitRef: unitRef as string,
      education,
      gradeException:
        exceptionReason && exceptionNote ? { reason: exceptionReason, note: exceptionNote } : undefined,
      gender: p.gender,
      birthDate: p.birthDate,
      serviceStartDate: serviceStart ?? p.startDate,
      serviceStartDateGiven: serviceStart !== undefined,
      status,
      email,
      phone,
    };
  });
}
