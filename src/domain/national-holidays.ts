/**
 * National holidays and cuti bersama shipped with the API (DOMAIN rule 8), from the joint decrees
 * (SKB) of the Ministers of Religious Affairs, Manpower and PANRB. An administrator may replace a
 * year (`setHolidayCalendar`, scope NATIONAL) or add the next one; stored years take precedence.
 */
import type { Holiday } from './holiday-calendar';

/** A shipped national calendar: its decree and its days. */
export interface ShippedCalendar {
  source: string;
  days: readonly Holiday[];
}

const holiday = (date: string, name: string): Holiday => ({ date, name, kind: 'NATIONAL_HOLIDAY' });
const cuti = (date: string, name: string): Holiday => ({ date, name, kind: 'CUTI_BERSAMA' });

const IDUL_FITRI_1446 = 'Idul Fitri 1446 Hijriah';
const IDUL_FITRI_1447 = 'Idul Fitri 1447 Hijriah';

/** The national calendars known at release, by year. */
export const SHIPPED_NATIONAL_CALENDARS: Readonly<Record<number, ShippedCalendar>> = {
  2025: {
    // The cuti bersama of 30 May, 9 June and 26 December as widely reported (SKB as amended).
    source: 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1017/2024, 2/2024, 2/2024',
    days: [
      holiday('2025-01-01', 'Tahun Baru 2025 Masehi'),
      holiday('2025-01-27', 'Isra Mikraj Nabi Muhammad SAW'),
      cuti('2025-01-28', 'Cuti bersama Tahun Baru Imlek'),
      holiday('2025-01-29', 'Tahun Baru Imlek 2576 Kongzili'),
      cuti('2025-03-28', 'Cuti bersama Hari Suci Nyepi'),
      holiday('2025-03-29', 'Hari Suci Nyepi Tahun Baru Saka 1947'),
      holiday('2025-03-31', IDUL_FITRI_1446),
      holiday('2025-04-01', IDUL_FITRI_1446),
      cuti('2025-04-02', `Cuti bersama ${IDUL_FITRI_1446}`),
      cuti('2025-04-03', `Cuti bersama ${IDUL_FITRI_1446}`),
      cuti('2025-04-04', `Cuti bersama ${IDUL_FITRI_1446}`),
      cuti('2025-04-07', `Cuti bersama ${IDUL_FITRI_1446}`),
      holiday('2025-04-18', 'Wafat Yesus Kristus'),
      holiday('2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)'),
      holiday('2025-05-01', 'Hari Buruh Internasional'),
      holiday('2025-05-12', 'Hari Raya Waisak 2569 BE'),
      cuti('2025-05-13', 'Cuti bersama Hari Raya Waisak'),
      holiday('2025-05-29', 'Kenaikan Yesus Kristus'),
      cuti('2025-05-30', 'Cuti bersama Kenaikan Yesus Kristus'),
      holiday('2025-06-01', 'Hari Lahir Pancasila'),
      holiday('2025-06-06', 'Idul Adha 1446 Hijriah'),
      cuti('2025-06-09', 'Cuti bersama Idul Adha 1446 Hijriah'),
      holiday('2025-06-27', '1 Muharam Tahun Baru Islam 1447 Hijriah'),
      holiday('2025-08-17', 'Proklamasi Kemerdekaan Republik Indonesia'),
      holiday('2025-09-05', 'Maulid Nabi Muhammad SAW'),
      holiday('2025-12-25', 'Kelahiran Yesus Kristus'),
      cuti('2025-12-26', 'Cuti bersama Kelahiran Yesus Kristus'),
    ],
  },
  2026: {
    source: 'SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1497/2025, 2/2025, 5/2025',
    days: [
      holiday('2026-01-01', 'Tahun Baru 2026 Masehi'),
      holiday('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'),
      cuti('2026-02-16', 'Cuti bersama Tahun Baru Imlek'),
      holiday('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'),
      cuti('2026-03-18', 'Cuti bersama Hari Suci Nyepi'),
      holiday('2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948'),
      cuti('2026-03-20', `Cuti bersama ${IDUL_FITRI_1447}`),
      holiday('2026-03-21', IDUL_FITRI_1447),
      holiday('2026-03-22', IDUL_FITRI_1447),
      cuti('2026-03-23', `Cuti bersama ${IDUL_FITRI_1447}`),
      cuti('2026-03-24', `Cuti bersama ${IDUL_FITRI_1447}`),
      holiday('2026-04-03', 'Wafat Yesus Kristus'),
      holiday('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
      holiday('2026-05-01', 'Hari Buruh Internasional'),
      holiday('2026-05-14', 'Kenaikan Yesus Kristus'),
      cuti('2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus'),
      holiday('2026-05-27', 'Idul Adha 1447 Hijriah'),
      cuti('2026-05-28', 'Cuti bersama Idul Adha 1447 Hijriah'),
      holiday('2026-05-31', 'Hari Raya Waisak 2570 BE'),
      holiday('2026-06-01', 'Hari Lahir Pancasila'),
      holiday('2026-06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah'),
      holiday('2026-08-17', 'Proklamasi Kemerdekaan Republik Indonesia'),
      holiday('2026-08-25', 'Maulid Nabi Muhammad SAW'),
      cuti('2026-12-24', 'Cuti bersama Kelahiran Yesus Kristus'),
      holiday('2026-12-25', 'Kelahiran Yesus Kristus'),
    ],
  },
};
