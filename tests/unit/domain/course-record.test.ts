import { describe, expect, it } from 'vitest';
import { courseRecordOf, flatCourseRecord } from '../../../src/domain/records/course-record';

const program = {
  id: '01prog',
  code: 'PKP-1',
  title: 'Pelatihan Kepemimpinan',
  format: 'CLASSROOM' as const,
  startDate: '2026-03-02',
};
const completed = {
  status: 'COMPLETED' as const,
  completedAt: '2026-03-13T00:00:00.000Z',
  jpCredited: 40,
  certificateNumber: '00042/SERT/BKPSDM-MEDAN/2026',
};
const nip = { nip: '199001012015031002' };

describe('SIASN course record', () => {
  it('maps a completion to SIASN fields, and to the flat partner shape with dd-mm-yyyy dates', () => {
    const result = courseRecordOf(completed, program, nip, 'BKPSDM Kota Medan');
    expect(result).toEqual({
      ok: true,
      record: {
        nip: nip.nip,
        namaKursus: 'Pelatihan Kepemimpinan',
        jenisKursus: 'Pelatihan Klasikal',
        jumlahJam: 40,
        institusiPenyelenggara: 'BKPSDM Kota Medan',
        nomorSertifikat: '00042/SERT/BKPSDM-MEDAN/2026',
        tanggalKursus: '2026-03-02',
        tanggalSelesaiKursus: '2026-03-13',
        tahunKursus: 2026,
        kodeProgram: 'PKP-1',
      },
    });
    if (!result?.ok) throw new Error('refused');
    expect(flatCourseRecord(result.record)).toMatchObject({
      tanggalKursus: '02-03-2026',
      tanggalSelesaiKursus: '13-03-2026',
    });
  });

  it.each([
    [{ certificateNumber: undefined }, 'no certificate number (nomor sertifikat)'],
    [{ jpCredited: 0 }, 'no JP credited (jumlah jam)'],
  ])('refuses a record SIASN would refuse (%o) with the reason', (change, reason) => {
    expect(courseRecordOf({ ...completed, ...change }, program, nip, 'X')).toMatchObject({
      ok: false,
      reason,
    });
  });

  it('has no record for a participation that is not completed', () => {
    expect(courseRecordOf({ ...completed, status: 'NO_SHOW' }, program, nip, 'X')).toBeNull();
  });
});
