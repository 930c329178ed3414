/**
 * The fields of an `EnrollmentChange` that a webhook's `data` carries: the selection a partner's
 * pull query (`partnerEnrollments { edges { node { ...EnrollmentChangeFields } } }`) uses too, so
 * one client function applies both. The README and scripts/partner-webhook-example.ts show it;
 * a test keeps the example's copy equal to this one.
 */
export const ENROLLMENT_CHANGE_FIELDS = `fragment EnrollmentChangeFields on EnrollmentChange {
  sequence
  changeType
  changedAt
  enrollmentId
  status
  version
  agencyCode
  enrollment {
    id
    status
    program { id title jp startDate endDate }
    employee { nip name }
    enrolledAt
    completedAt
    droppedAt
    preTestScore
    postTestScore
    jpCredited
    certificateNumber
  }
  record {
    nip
    kodeProgram
    namaKursus
    jenisKursus
    jumlahJam
    institusiPenyelenggara
    nomorSertifikat
    tanggalKursus
    tanggalSelesaiKursus
    tahunKursus
  }
}`;
