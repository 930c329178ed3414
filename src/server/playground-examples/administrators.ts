import type { PlaygroundExample } from '../playground-page';

/** Administrators (ADMIN): registering and promoting employees, appraisals, the working-day calendar. */
export const ADMINISTRATORS_EXAMPLES: PlaygroundExample[] = [
  {
    audience: 'Administrators',
    title: 'Register an employee',
    query: `mutation Register($input: CreateEmployeeInput!) {
  createEmployee(input: $input) { id nip name gender birthDate serviceStartDate rank { label } version }
}`,
    variables: `{
  "input": {
    "nip": "199001012015031002",
    "name": "Budi Santoso, S.Kom.",
    "unitId": "paste a Unit id",
    "employmentType": "PNS",
    "golongan": "III_B",
    "position": { "title": "Pranata Komputer Ahli Pertama", "type": "FUNCTIONAL" },
    "education": "S1",
    "idempotencyKey": "register-budi-0001"
  }
}`,
  },
  {
    audience: 'Administrators',
    title: 'Promote an employee (optimistic version; beyond the regular path with a documented exception)',
    query: `mutation Promote($input: UpdateEmployeeInput!) {
  updateEmployee(input: $input) {
    id golongan rank { label pangkat } education highestRegularGolongan
    gradeException { reason note golongan } version updatedAt
  }
}`,
    variables: `{
  "input": {
    "id": "paste an Employee id",
    "version": 1,
    "golongan": "III_C",
    "gradeException": { "reason": "OUTSTANDING_ACHIEVEMENT", "note": "SK Wali Kota No. 800/123/2026" }
  }
}`,
  },
  {
    audience: 'Administrators',
    title: 'Record an SKP appraisal and see the talent 9-box',
    query: `mutation Appraise($input: RecordAppraisalInput!) {
  recordAppraisal(input: $input) {
    id period periodLabel predikat predikatLabel
    talentBox { box guidance }
    siasnSkpRecord { nip tahun hasilKinerja perilakuKerja kuadranKinerja penilaiNama }
    employee { name appraisals(first: 3) { edges { node { period predikat } } } }
  }
}`,
    variables: `{
  "input": {
    "employeeId": "RW1wbG95ZWU6bWVkYW46bWVkYW4tZGlua2VzLWUwMDI",
    "period": "2026",
    "resultRating": "ABOVE",
    "behaviourRating": "AS_EXPECTED",
    "potential": "HIGH"
  }
}`,
  },
  {
    audience: 'Administrators',
    title: 'Add an agency closure to the working-day calendar (deadlines follow)',
    query: `mutation SetCalendar($input: SetHolidayCalendarInput!) {
  setHolidayCalendar(input: $input) {
    year official workingDays
    agency { version deadlinesUpToDate days { date name kind } }
  }
}`,
    variables: `{
  "input": {
    "scope": "AGENCY",
    "year": 2026,
    "days": [{ "date": "2026-11-10", "name": "Kantor tutup: banjir rob", "kind": "OFFICE_CLOSURE" }],
    "source": "Surat Edaran Sekretaris Daerah (contoh)"
  }
}`,
  },
];
