import type { PlaygroundExample } from './playground-page';

/** The query a new playground tab opens with: who am I, and a first page of employees. */
export const DEFAULT_PLAYGROUND_QUERY = `# Pembinaan ASN API. Pick a role under the key icon (header presets),
# and load examples for each audience under the list icon.
query WhoAmI {
  me { role agency { name region { name } } unit { name } }
  employees(first: 5) {
    totalCount
    edges { node { nip name rank { label pangkat } position { title } unit { name } } }
  }
}
`;

/** Example operations per audience, shown in the playground's example menu. */
export const PLAYGROUND_EXAMPLES: PlaygroundExample[] = [
  {
    audience: 'Staff',
    title: 'Employees of a unit, by name',
    query: `query EmployeesOfUnit($unitId: ID!, $after: String) {
  unit(id: $unitId) {
    name kind region { code name }
    employees(first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id nip name gender employmentType golongan pppkGrade yearsOfService } }
    }
  }
}`,
    variables: '{ "unitId": "paste a Unit id from the units example" }',
  },
  {
    audience: 'Staff',
    title: 'Units of my agency',
    query: `query Units {
  units(first: 50) { totalCount edges { node { id name kind region { code name level } parent { name } } } }
}`,
  },
  {
    audience: 'Staff',
    title: 'Find an employee by NIP',
    query: `query ByNip($nip: String!) {
  employeeByNip(nip: $nip) { id name nip rank { label pangkat } position { title type } unit { name } version }
}`,
    variables: '{ "nip": "198503152010011001" }',
  },
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
    audience: 'Staff',
    title: 'Indicators of Kecamatan Medan Belawan with their latest achievement',
    query: `query UnitIndicators($unitId: ID!) {
  unit(id: $unitId) {
    name
    indicators(first: 10) {
      edges { node {
        code name unitOfMeasure direction baseline target cadence achievement
        latestMeasurement { periodLabel value }
        measurements(first: 6) { edges { node { period value achievementPercent } } }
      } }
    }
    satisfaction { responses score band bandLabel }
    feedback(filter: { overdueOnly: true }, first: 5) {
      edges { node { serviceName text complaint { stage resolutionDue responseHours } } }
    }
  }
}`,
    variables: '{ "unitId": "VW5pdDptZWRhbjptZWRhbi1iZWxhd2Fu" }',
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
    audience: 'Staff',
    title: 'Development plans: budget, programs and their evaluations (Binjai)',
    query: `query Plans {
  developmentPlans(first: 5) {
    edges { node {
      title year status owner { name position { title } }
      budget { planned committed spent remaining }
      programs(first: 10) { edges { node {
        title costPerParticipant capacity status
        evaluations(first: 1) { edges { node { recommendation recommendationLabel reasons levels { learning results } } } }
      } } }
    } }
  }
}`,
  },
  {
    audience: 'Staff',
    title: 'Open training programs with seats, and who is enrolled',
    query: `query Programs {
  trainingPrograms(first: 5, filter: { status: [OPEN, RUNNING] }) {
    totalCount
    edges { node {
      id title categoryLabel jp startDate capacity seatsAvailable waitlistCount partner { name }
      enrollments(first: 5) { totalCount edges { node { status waitlistPosition employee { name } } } }
    } }
  }
}`,
  },
  {
    audience: 'Staff',
    title: 'Enroll an employee (waitlisted when the program is full)',
    query: `mutation Enroll($input: EnrollEmployeeInput!) {
  enrollEmployee(input: $input) { id status waitlistPosition program { seatsAvailable waitlistCount } }
}`,
    variables: `{
  "input": {
    "programId": "paste an OPEN program id from the programs example",
    "employeeId": "paste an Employee id",
    "idempotencyKey": "enroll-try-1"
  }
}`,
  },
  {
    audience: 'Staff',
    title: 'May an employee take degree study? (tugas belajar / izin belajar)',
    query: `query StudyEligibility($id: ID!) {
  studyEligibility(employeeId: $id) {
    employee { name education rank { label } }
    yearsOfService lastAppraisal { period predikat }
    arrangements { funding fundingLabel eligible reasons releasedFromDuties selfFunded outsideWorkingHours }
  }
}`,
    variables: '{ "id": "paste an Employee id from the employees example" }',
  },
  {
    audience: 'Staff',
    title: 'Working days of a year: national holidays, cuti bersama, agency closures',
    query: `query Calendar {
  holidayCalendar(year: 2026) {
    official workingDays
    national { source shipped version deadlinesUpToDate }
    agency { version deadlinesUpToDate }
    closedDays { date name kind }
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
  {
    audience: 'Staff',
    title: 'An employee: JP this year, enrollments, mentors and mentees',
    query: `query Development($id: ID!) {
  employee(id: $id) {
    name rank { label }
    trainingHours(year: 2026) { earned required shortfall compliant }
    enrollments(first: 5) { edges { node { status jpCredited certificateNumber program { title jp } } } }
    mentors(first: 3) { edges { node { status totalMinutes mentor { name rank { label } } } } }
    mentees(first: 3) { edges { node { status sessionCount mentee { name } } } }
  }
}`,
    variables: '{ "id": "paste an Employee id from the employees example" }',
  },
  {
    audience: 'Dashboard',
    title: 'Completion rate and JP by unit and quarter, 2026, IT programs',
    query: `query Dashboard {
  aggregate(input: {
    measures: [COMPLETION_RATE, TRAINING_HOURS, ENROLLMENT_COUNT]
    groupBy: [UNIT, QUARTER]
    filter: { programCategories: [IT], from: "2026-01-01", to: "2026-12-31" }
  }) {
    asOf
    totals { measure value }
    groups { key { dimension value label } values { measure value } }
  }
}`,
  },
  {
    audience: 'Dashboard',
    title: 'What can be aggregated by what',
    query: `query Capabilities {
  aggregateCapabilities {
    measures { measure description }
    dimensions { dimension description }
  }
}`,
  },
  {
    audience: 'Partner',
    title: 'Delta sync of enrollments in my programs (partner token)',
    query: `query Sync($after: String) {
  partnerEnrollments(first: 20, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      sequence changeType changedAt agencyCode status version enrollmentId
      enrollment { program { title } employee { nip name } completedAt postTestScore certificateNumber }
    } }
  }
}`,
    variables: '{ "after": null }',
  },
  {
    audience: 'Public',
    title: 'Give feedback on a service (IKM survey, no token)',
    query: `mutation Feedback($input: SubmitFeedbackInput!) {
  submitFeedback(input: $input) { id kind moderationStatus ikm { index score band bandLabel } }
}`,
    variables: `{
  "input": {
    "unitId": "VW5pdDpwYWxlbWJhbmc6cGFsZW1iYW5nLXBrbS1wbGFqdQ",
    "serviceName": "Poli Umum",
    "channel": "SURVEY",
    "surveyAnswers": [3, 3, 4, 3, 3, 4, 4, 3, 3],
    "text": "Antrean lebih cepat dari tahun lalu."
  }
}`,
  },
];
