/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/**
 * Filter of an aggregate question: every given list narrows the facts; `from`/`to` select whole
 * months (or years, for yearly measures). Without filter and range: everything the caller may see, all time.
 */
export type AggregateFilter = {
  /** Only PNS or only PPPK. */
  employmentTypes?: Array<EmploymentType> | null | undefined;
  /** Only these enrollment statuses. */
  enrollmentStatuses?: Array<EnrollmentStatus> | null | undefined;
  /** Only these feedback channels. */
  feedbackChannels?: Array<FeedbackChannel> | null | undefined;
  /** First day of the time range. */
  from?: string | null | undefined;
  /** Only these genders. */
  genders?: Array<Gender> | null | undefined;
  /** Only these golongan (e.g. `III_A`) or PPPK grades (`PPPK-IX`). */
  golongan?: Array<string> | null | undefined;
  /** Only programs of these partners (codes; `INTERNAL` for own programs). */
  partnerCodes?: Array<string> | null | undefined;
  /** Only these SKP predikat. */
  predikats?: Array<Predikat> | null | undefined;
  /** Only these program categories. */
  programCategories?: Array<ProgramCategory> | null | undefined;
  /** Only these training programs. */
  programIds?: Array<string | number> | null | undefined;
  /** Only these regions (Kemendagri codes, e.g. `127120`). */
  regionIds?: Array<string> | null | undefined;
  /** Last day of the time range. */
  to?: string | null | undefined;
  /** Only these work units. */
  unitIds?: Array<string | number> | null | undefined;
};

/** An aggregate question: measures by zero or more dimensions, filtered. */
export type AggregateInput = {
  /** What to include. */
  filter?: AggregateFilter | null | undefined;
  /** Dimensions to group by (none: only totals). At most one of MONTH, QUARTER, YEAR. */
  groupBy?: Array<Dimension> | null | undefined;
  /** The measures to compute, 1–20. */
  measures: Array<Measure>;
};

/** What a dashboard can group and filter by (dimensi). Labels come in Indonesian. */
export type Dimension =
  /** PNS or PPPK. */
  | 'EMPLOYMENT_TYPE'
  /** Enrollment status. */
  | 'ENROLLMENT_STATUS'
  /** Feedback channel. */
  | 'FEEDBACK_CHANNEL'
  /** Gender. */
  | 'GENDER'
  /** Golongan of PNS, or PPPK grade as PPPK-<grade>. */
  | 'GOLONGAN'
  /** Month (bulan), YYYY-MM. */
  | 'MONTH'
  /** Providing partner institution (INTERNAL for own programs). */
  | 'PARTNER'
  /** SKP predikat. */
  | 'PREDIKAT'
  /** Training program. */
  | 'PROGRAM'
  /** Program category. */
  | 'PROGRAM_CATEGORY'
  /** Quarter (triwulan), YYYY-Qn. */
  | 'QUARTER'
  /** Region of the work unit (wilayah, Kemendagri code). */
  | 'REGION'
  /** Work unit (unit kerja). */
  | 'UNIT'
  /** Year (tahun), YYYY. */
  | 'YEAR';

/** Civil servant employment type (jenis kepegawaian ASN, UU 20/2023). */
export type EmploymentType =
  /** Civil servant (Pegawai Negeri Sipil). */
  | 'PNS'
  /** Government employee with a work agreement (Pegawai Pemerintah dengan Perjanjian Kerja). */
  | 'PPPK';

/** Status of an enrollment (status kepesertaan). */
export type EnrollmentStatus =
  /** Completed; JP credited and certificate issued (lulus). */
  | 'COMPLETED'
  /** Invitation declined by the employee (undangan ditolak); holds no seat. */
  | 'DECLINED'
  /** Withdrew or was withdrawn (mengundurkan diri). */
  | 'DROPPED'
  /** Holds a seat (terdaftar). */
  | 'ENROLLED'
  /** Invited but not enrolled yet (diundang). */
  | 'INVITED'
  /** Held a seat but did not attend (tidak hadir). */
  | 'NO_SHOW'
  /** Waiting for a seat (daftar tunggu). */
  | 'WAITLISTED';

/** Where feedback came in (saluran umpan balik). */
export type FeedbackChannel =
  /** A complaint and suggestion box at the service point (kotak pengaduan dan saran). */
  | 'COMPLAINT_BOX'
  /** A dialogue forum between staff and citizens (forum dialog / musyawarah). */
  | 'FORUM'
  /** An online form or platform (aplikasi / laman pengaduan daring). */
  | 'ONLINE'
  /** A community satisfaction survey (survei kepuasan masyarakat, SKM). */
  | 'SURVEY';

/** Gender (jenis kelamin) as encoded in the NIP. */
export type Gender =
  /** Female (perempuan), NIP digit 15 = 2. */
  | 'FEMALE'
  /** Male (laki-laki), NIP digit 15 = 1. */
  | 'MALE';

/**
 * What a dashboard can count or compute (ukuran). Rates and averages are computed from summed
 * numerators and denominators of the groups, so any regrouping is exact. `aggregateCapabilities`
 * describes each one and the dimensions it supports.
 */
export type Measure =
  /** Mentorships in progress now. */
  | 'ACTIVE_MENTORSHIPS'
  /** SKP appraisals recorded (penilaian kinerja). */
  | 'APPRAISAL_COUNT'
  /** Average hours to the first response to a complaint. */
  | 'AVG_COMPLAINT_RESPONSE_HOURS'
  /** Average post-test minus pre-test score. */
  | 'AVG_LEARNING_GAIN'
  /** Development budget committed to programs, rupiah. */
  | 'BUDGET_COMMITTED'
  /** Planned development budget, rupiah. */
  | 'BUDGET_PLANNED'
  /** Development budget spent, rupiah (realisasi). */
  | 'BUDGET_SPENT'
  /** Complaints that missed an SP4N-LAPOR deadline in working days: a late first response (after 3) or a late resolution (after 5, 14 or 60), or none yet past it. */
  | 'COMPLAINTS_OVERDUE'
  /** Complaints received (pengaduan). */
  | 'COMPLAINT_COUNT'
  /** Complaints whose first response came after 3 working days, or has not come past that (part of COMPLAINTS_OVERDUE). */
  | 'COMPLAINT_RESPONSES_OVERDUE'
  /** Completed enrollments (lulus). */
  | 'COMPLETION_COUNT'
  /** Completed / (completed + dropped + no-show), percent. */
  | 'COMPLETION_RATE'
  /** Dropped / (completed + dropped + no-show), percent. */
  | 'DROPOUT_RATE'
  /** Active employees now (pegawai aktif). */
  | 'EMPLOYEE_COUNT'
  /** Enrollment records in any status (peserta); narrow with ENROLLMENT_STATUS. */
  | 'ENROLLMENT_COUNT'
  /** Feedback received (umpan balik). */
  | 'FEEDBACK_COUNT'
  /** Community satisfaction index, converted score 25–100 (IKM). */
  | 'IKM'
  /**
   * Active employees (counted as EMPLOYEE_COUNT, in their unit now) with no learning in the 12 months
   * ending at a quarter's end (that quarter and the three before): no program completed with JP and no
   * mentoring session received (pegawai tanpa pengembangan kompetensi). By UNIT, REGION, QUARTER and
   * YEAR (a year shows its Q4); without time groups, the quarter of `to` or the current one.
   */
  | 'INACTIVE_EMPLOYEES'
  /** Average achievement of indicator measurements, percent (capaian kinerja). */
  | 'INDICATOR_ACHIEVEMENT'
  /** Accepted among answered invitations, percent (undangan diterima); pending ones are not counted. */
  | 'INVITATION_ACCEPTANCE_RATE'
  /** Share of active employees with at least 20 JP in the year, percent. */
  | 'JP_COMPLIANCE_RATE'
  /** Minutes of mentoring sessions held. */
  | 'MENTORING_MINUTES'
  /** No-shows among finished enrollments, percent (tidak hadir). */
  | 'NO_SHOW_RATE'
  /** JP credited for completed programs (jam pelajaran). */
  | 'TRAINING_HOURS'
  /** Enrollments waiting for a seat (daftar tunggu). */
  | 'WAITLIST_COUNT';

/** SKP outcome (predikat kinerja pegawai) from the work-result x work-behaviour matrix of PermenPANRB 6/2022. */
export type Predikat =
  /** Baik: results and behaviour at least as expected (one may be above). */
  | 'BAIK'
  /** Butuh Perbaikan: results below expectation, behaviour not. */
  | 'BUTUH_PERBAIKAN'
  /** Kurang: behaviour below expectation (misconduct), results not. */
  | 'KURANG'
  /** Sangat Baik: results and behaviour above expectation. */
  | 'SANGAT_BAIK'
  /** Sangat Kurang: results and behaviour below expectation. */
  | 'SANGAT_KURANG';

/** What a training program develops (rumpun kompetensi / kategori pelatihan). */
export type ProgramCategory =
  /** Degree education (pendidikan gelar), e.g. a master's in planning. */
  | 'DEGREE'
  /** Ethics, character and integrity (etika dan integritas). */
  | 'ETHICS'
  /** Finance and budget management (keuangan dan anggaran). */
  | 'FINANCE'
  /** Health service management (manajemen pelayanan kesehatan). */
  | 'HEALTH'
  /** Information technology (teknologi informasi), e-Government. */
  | 'IT'
  /** Managerial competence (manajerial), e.g. time management. */
  | 'MANAGERIAL'
  /** Public service (pelayanan publik). */
  | 'PUBLIC_SERVICE'
  /** Socio-cultural competence (sosial kultural), e.g. communication. */
  | 'SOCIOCULTURAL'
  /** Soft skills and team building (pengembangan diri). */
  | 'SOFT_SKILLS'
  /** Technical competence (teknis). */
  | 'TECHNICAL';

/** The role a caller acts in (peran). Staff roles come from the identity provider's groups. */
export type Role =
  /** Agency administrator (admin BKPSDM): everything in the own agency. */
  | 'ADMIN'
  /** A civil servant (pegawai ASN): the own record, enrollments, mentorships, appraisals and JP. */
  | 'EMPLOYEE'
  /** A partner institution (mitra, e.g. a university) with machine credentials: enrollments in its own programs, read-only. */
  | 'PARTNER'
  /** Anyone without a token (masyarakat): may only submit feedback. */
  | 'PUBLIC'
  /** Head of a work unit (kepala perangkat daerah/unit kerja): the own unit and its sub-units. */
  | 'UNIT_HEAD';

/** How often a measure's facts are bucketed in time. */
export type TimeGrain =
  /** By month (MONTH, QUARTER and YEAR groups). */
  | 'MONTH'
  /** A state as of now (no time groups). */
  | 'NONE'
  /** A state per quarter (QUARTER groups; YEAR groups show each year's last quarter). */
  | 'QUARTER'
  /** By year (YEAR groups only). */
  | 'YEAR';

export type DashboardSeriesQueryVariables = Exact<{
  input: AggregateInput;
}>;


export type DashboardSeriesQuery = { me: { role: Role, agency: { name: string } | null }, aggregate: { asOf: string | null, groups: Array<{ key: Array<{ dimension: Dimension, value: string, label: string }>, values: Array<{ measure: Measure, value: number | null }> }>, totals: Array<{ measure: Measure, value: number | null }> } };

export type MeasureCatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type MeasureCatalogQuery = { aggregateCapabilities: { measures: Array<{ measure: Measure, description: string, timeGrain: TimeGrain, dimensions: Array<Dimension> }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const DashboardSeriesDocument = new TypedDocumentString(`
    query DashboardSeries($input: AggregateInput!) {
  me {
    role
    agency {
      name
    }
  }
  aggregate(input: $input) {
    asOf
    groups {
      key {
        dimension
        value
        label
      }
      values {
        measure
        value
      }
    }
    totals {
      measure
      value
    }
  }
}
    `, {"hash":"e049be7642fcd14aeb85460807bcc5fa95e785aa75f814264ba57b601bf13697"}) as unknown as TypedDocumentString<DashboardSeriesQuery, DashboardSeriesQueryVariables>;
export const MeasureCatalogDocument = new TypedDocumentString(`
    query MeasureCatalog {
  aggregateCapabilities {
    measures {
      measure
      description
      timeGrain
      dimensions
    }
  }
}
    `, {"hash":"d6407f89cfdc97e5feb1f7a2d00b997f2bfc6b8b398df7c21830bbdb435422ac"}) as unknown as TypedDocumentString<MeasureCatalogQuery, MeasureCatalogQueryVariables>;