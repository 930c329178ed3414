/**
 * Whether SIASN takes an annual appraisal's SKP record (riwayat SKP, DOMAIN rule 10). The record
 * itself comes from the one mapper, `siasnSkpRecordOf` (src/domain/evaluation.ts): the
 * `Evaluation.siasnSkpRecord` field, the `siasn-skp` export and `siasnSkpRecords` all read it.
 */
import { type Appraisal, type SiasnSkpRecord, siasnSkpRecordOf } from '../evaluation';

/** A record SIASN would take, one it would refuse (with the reason), or none (not a yearly appraisal). */
export type SkpRecordResult =
  | { ok: true; record: SiasnSkpRecord }
  | { ok: false; record: SiasnSkpRecord; reason: string }
  | null;

/** An appraisal's SKP record as SIASN would take or refuse it; `nip` is blank when the employee is gone. */
export function skpRecordOf(appraisal: Appraisal, nip: string): SkpRecordResult {
  const record = siasnSkpRecordOf(appraisal, { nip });
  if (!record) return null;
  // SIASN finds the appraised civil servant by NIP and requires the appraiser (pejabat penilai).
  if (!record.nip)
    return { ok: false, record, reason: 'the appraised employee is no longer on record (no NIP)' };
  if (!record.penilaiNipNrp)
    return { ok: false, record, reason: 'no appraiser (pejabat penilai kinerja) recorded' };
  return { ok: true, record };
}
