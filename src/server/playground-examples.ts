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
    "idempotencyKey": "register-budi-0001"
  }
}`,
  },
  {
    audience: 'Administrators',
    title: 'Promote an employee (optimistic version)',
    query: `mutation Promote($input: UpdateEmployeeInput!) {
  updateEmployee(input: $input) { id golongan rank { label pangkat } version updatedAt }
}`,
    variables: '{ "input": { "id": "paste an Employee id", "version": 1, "golongan": "III_C" } }',
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
