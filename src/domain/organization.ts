import type { EvaluationThresholds } from './leadership/evaluation-thresholds';
import type { RecordMeta } from './record';

/** Level of an administrative region (Kemendagri codes). */
export type RegionLevel = 'PROVINCE' | 'CITY' | 'REGENCY' | 'DISTRICT' | 'VILLAGE';

/** An administrative region (wilayah) with its Kemendagri code. */
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
}

/** A government agency (instansi): the tenant. Its id is its stable code (e.g. `medan`). */
export interface Agency extends RecordMeta {
  name: string;
  region: Region;
  /** Most active mentees one mentor may have (agency setting; default 5). */
  maxActiveMentees: number;
  /** Days the agency keeps its audit log (its retention policy); unset: the deployment default. */
  auditRetentionDays?: number | undefined;
  /** Thresholds of program recommendations (agency setting); unset: the documented defaults. */
  evaluationThresholds?: EvaluationThresholds | undefined;
}

export const UNIT_KINDS = [
  'SECRETARIAT',
  'DINAS',
  'BADAN',
  'INSPECTORATE',
  'KECAMATAN',
  'KELURAHAN',
  'PUSKESMAS',
  'HOSPITAL',
  'SCHOOL',
  'DIVISION',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A work unit (perangkat daerah / unit kerja, PP 18/2016). */
export interface Unit extends RecordMeta {
  /** Short code, unique in the agency (kode unit kerja), e.g. `DISKOMINFO`; absent on units stored before codes. */
  code?: string | undefined;
  name: string;
  kind: UnitKind;
  region: Region;
  parentId?: string | undefined;
  /** Ids from the top-level unit down to the parent; lets a unit head's scope include sub-units. */
  ancestorIds: string[];
  headEmployeeId?: string | undefined;
}
