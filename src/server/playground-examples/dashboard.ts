import type { PlaygroundExample } from '../playground-page';

/** Dashboard builders: aggregates and what can be aggregated. */
export const DASHBOARD_EXAMPLES: PlaygroundExample[] = [
  {
    audience: 'Dashboard',
    title: 'Completion rate and JP by unit and quarter, 2026, IT programs',
    query: `query Dashboard {
  aggregate(input: {
    measures: [COMPLETION_RATE, TRAINING_HOURS]
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
    title: 'Heatmap as columns: enrollments and completion by unit x program category x month, two years',
    query: `query HeatmapColumns {
  aggregate(input: {
    measures: [ENROLLMENT_COUNT, COMPLETION_RATE]
    groupBy: [UNIT, PROGRAM_CATEGORY, MONTH]
    filter: { from: "2025-01-01", to: "2026-12-31" }
  }) {
    columns { axes { dimension values { value label } } keys series { measure values } }
  }
}`,
  },
  {
    audience: 'Dashboard',
    title: 'Participation: invitation acceptance and no-show rates by unit and quarter, 2026',
    query: `query Participation {
  aggregate(input: {
    measures: [INVITATION_ACCEPTANCE_RATE, NO_SHOW_RATE]
    groupBy: [UNIT, QUARTER]
    filter: { from: "2026-01-01", to: "2026-12-31" }
  }) { groups { key { dimension label } values { measure value } } }
}`,
  },
  {
    audience: 'Dashboard',
    title: 'Staff without learning for 12 months (INACTIVE_EMPLOYEES) by unit and quarter, 2026',
    query: `query InactiveStaff {
  aggregate(input: {
    measures: [INACTIVE_EMPLOYEES]
    groupBy: [UNIT, QUARTER]
    filter: { from: "2026-01-01", to: "2026-12-31" }
  }) { totals { measure value } groups { key { dimension label } values { measure value } } }
}`,
  },
  {
    audience: 'Dashboard',
    title: 'Program evaluations: recommendation with its figures, follow-up actions, cohorts side by side',
    query: `query ProgramFollowUp { evaluations(filter: { kind: PROGRAM }, first: 10) { edges { node {
  program { title series { number cohorts { number completedCount latestEvaluation { recommendation } } } }
  recommendation findings { figure value threshold text }
  followUpActions { title status dueDate overdue owner { name } } } } } }`,
  },
  {
    audience: 'Dashboard',
    title: "Talent 9-box of a unit, with each box's action (admin or the unit's head)",
    query: `query Talent($unit: ID!) {
  talentDistribution(unitId: $unit) {
    boxes { box count guidance employees { name } }
    unplaced { name }
  }
}`,
    variables: '{ "unit": "VW5pdDptZWRhbjptZWRhbi1iZWxhd2Fu" }',
  },
  {
    audience: 'Dashboard',
    title: 'Mentoring results: mentees before and after against unmentored colleagues, goals, ratings',
    query: `query MentoringResults($unit: ID!) {
  mentoringResults(filter: { unitIds: [$unit], year: 2025 }) {
    mentorshipCount meanChangeDifference improvedShareDifference averageRating ratingCount
    mentored { people measured improved meanChange before { predikat count } after { predikat count } }
    notMentored { people measured improved meanChange }
    goalOutcomes { outcome count } goalsUnrecorded
  }
}`,
    variables: '{ "unit": "VW5pdDptZWRhbjptZWRhbi1iZWxhd2Fu" }',
  },
  {
    audience: 'Dashboard',
    title:
      'Training needs of 2026: units whose IKM fell, complaints ran late, indicators missed target or staff went a year without learning',
    query: `query TrainingNeeds {
  trainingNeeds(filter: { year: 2026 }) {
    unit { name }
    needs { category categoryLabel reasons { figure period value threshold } }
    figures { ikmBefore ikm responseHoursBefore responseHours complaintsOverdue responsesOverdue indicatorAchievement inactiveEmployees employees }
  }
}`,
  },
  {
    audience: 'Dashboard',
    title: 'The figures behind training needs, per unit and year (the same rollups)',
    query: `query NeedFigures {
  aggregate(input: {
    measures: [IKM, AVG_COMPLAINT_RESPONSE_HOURS, COMPLAINTS_OVERDUE, COMPLAINT_RESPONSES_OVERDUE, INDICATOR_ACHIEVEMENT]
    groupBy: [UNIT, YEAR]
    filter: { from: "2025-01-01", to: "2026-12-31" }
  }) { groups { key { dimension label } values { measure value } } }
}`,
  },
  {
    audience: 'Dashboard',
    title: 'Staff short of 20 JP this year, with open programs that close the gap',
    query: `query ShortOfJp {
  employeesShortOfJp(year: 2026, first: 20) {
    totalCount asOf
    edges { node { employee { name unit { name } } earned shortfall openPrograms { title jp startDate } } }
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
];
