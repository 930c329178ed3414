import type { PlaygroundExample } from '../playground-page';

/** Staff of an agency (admins, unit heads, employees): reading employees, units, programs, indicators, plans; enrolling; degree study eligibility and the working-day calendar. */
export const STAFF_EXAMPLES: PlaygroundExample[] = [
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
];
