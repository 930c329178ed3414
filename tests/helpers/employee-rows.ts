/** Header of a generated employees file (the template's Indonesian headers). */
export const EMPLOYEE_HEADER =
  'NIP,Nama,Jenis Kelamin,Tanggal Lahir,Jenis Pegawai,Golongan,Jabatan,Jenis Jabatan,Unit Kerja,Pendidikan';

/**
 * The i-th (0-based, below 100 000) generated PNS employee row of a unit: a valid NIP (born
 * 1975–1994, CPNS TMT March 2015, male) whose birth date column agrees with it; an S1 graduate,
 * so III/a is the entry grade (DOMAIN rule 2) and a new employee has the education it requires.
 */
export function employeeRow(i: number, unitCode = 'KOMINFO'): string {
  const year = 1975 + (i % 20);
  const month = String(1 + (Math.floor(i / 20) % 12)).padStart(2, '0');
  const day = String(1 + (Math.floor(i / 240) % 28)).padStart(2, '0');
  const serial = String(1 + Math.floor(i / 6720)).padStart(3, '0');
  const nip = `${year}${month}${day}201503${'1'}${serial}`;
  return `${nip},Pegawai Impor ${i},L,${year}-${month}-${day},PNS,III/a,Analis,Pelaksana,${unitCode},S1`;
}

/** A CSV of `count` generated employees, from the `from`-th on. */
export function employeesCsv(count: number, unitCode = 'KOMINFO', from = 0): string {
  const lines = [EMPLOYEE_HEADER];
  for (let i = from; i < from + count; i += 1) lines.push(employeeRow(i, unitCode));
  return `${lines.join('\n')}\n`;
}
