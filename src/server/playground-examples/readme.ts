import type { PlaygroundExample } from '../playground-page';

/**
 * The README's example per area of the API ("API at a glance"), as written there, so a reader can
 * run each in the playground; tests/unit/server/readme-examples-in-playground.test.ts keeps them in step.
 */
export const README_EXAMPLES: PlaygroundExample[] = [
  {
    audience: 'Staff',
    title: 'Employees: an employee by NIP, with rank and unit',
    query: `query EmployeeByNip { employeeByNip(nip: "197809072010011001") { name rank { label pangkat } unit { name } yearsOfService } }`,
  },
  {
    audience: 'Staff',
    title: 'Training: open programs with seats and waitlists',
    query: `query OpenPrograms { trainingPrograms(first: 5, filter: { status: [OPEN] }) { edges { node {
    title categoryLabel jp capacity seatsAvailable waitlistCount partner { name } } } } }`,
  },
  {
    audience: 'Staff',
    title: 'Mentoring: JP this year and mentors of an employee',
    query: `query HoursAndMentors($id: ID!) { employee(id: $id) {
  trainingHours(year: 2026) { earned required shortfall compliant }
  mentors(first: 3) { edges { node { mentor { name } totalMinutes sessionCount } } } } }`,
    variables: '{ "id": "RW1wbG95ZWU6bWVkYW46bWVkYW4tZGlua2VzLWUwMDI" }',
  },
  {
    audience: 'Staff',
    title: 'Performance: indicators of a unit and their latest measurement',
    query: `query UnitIndicatorsAtAGlance($unit: ID!) { unit(id: $unit) { indicators(first: 10) { edges { node {
  code name direction latestMeasurement { period achievementPercent } } } } } }`,
    variables: '{ "unit": "VW5pdDptZWRhbjptZWRhbi1iZWxhd2Fu" }',
  },
  {
    audience: 'Staff',
    title: 'Feedback: the IKM of a unit this year',
    query: `query UnitSatisfaction($unit: ID!) { unit(id: $unit) { satisfaction(from: "2026-01-01", to: "2026-12-31") {
  responses index score band bandLabel elements { name mean } } } }`,
    variables: '{ "unit": "VW5pdDptZWRhbjptZWRhbi1iZWxhd2Fu" }',
  },
  {
    audience: 'Staff',
    title: 'Evaluations: the latest appraisals of an employee, with the 9-box',
    query: `query RecentAppraisals($id: ID!) { employee(id: $id) { appraisals(first: 2) { edges { node {
  period predikat predikatLabel talentBox { box guidance } } } } } }`,
    variables: '{ "id": "RW1wbG95ZWU6bWVkYW46bWVkYW4tZGlua2VzLWUwMDI" }',
  },
  {
    audience: 'Staff',
    title: 'Development plans: budgets',
    query: `query PlanBudgets { developmentPlans(first: 3) { edges { node { title year budget { planned committed spent remaining } } } } }`,
  },
  {
    audience: 'Staff',
    title: 'Degree study: tugas belajar and izin belajar of an employee, with reasons',
    query: `query StudyArrangements($id: ID!) { studyEligibility(employeeId: $id) { yearsOfService lastAppraisal { predikat }
  arrangements { funding eligible reasons releasedFromDuties } } }`,
    variables: '{ "id": "RW1wbG95ZWU6bWVkYW46bWVkYW4tZGlua2VzLWUwMDI" }',
  },
  {
    audience: 'Staff',
    title: 'Complaint deadlines: the working-day calendar of 2026',
    query: `query WorkingDays2026 { holidayCalendar(year: 2026) { official workingDays national { source shipped version }
    agency { version deadlinesUpToDate } closedDays { date name kind } } }`,
  },
];
