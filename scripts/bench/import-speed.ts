import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { PROGRAM_CODE_GUARD, trainingProgramEntity } from '../../src/data/entities/training-program';
import { uniqueValueItem } from '../../src/data/entities/unique-value';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { newRecord } from '../../src/domain/record';
import type { TrainingProgram } from '../../src/domain/training';
import { importDepsOf } from '../../src/import/import-deps';
import { importFile } from '../../src/import/import-file';
import type { BenchApp } from './bench-app';
import { dynamoLocalPid, ownCpuMs, processCpuMs } from './process-cpu';
import { round } from './statistics';

const EMPLOYEE_HEADER =
  'NIP,Nama,Jenis Kelamin,Tanggal Lahir,Jenis Pegawai,Golongan,Jabatan,Jenis Jabatan,Unit Kerja,Pendidikan';
/** The i-th generated employee: a valid NIP whose birth date column agrees with it; an S1 graduate at III/a. */
function nipAndRow(i: number): [string, string] {
  const year = 1975 + (i % 20);
  const month = String(1 + (Math.floor(i / 20) % 12)).padStart(2, '0');
  const day = String(1 + (Math.floor(i / 240) % 28)).padStart(2, '0');
  const serial = String(1 + Math.floor(i / 6720)).padStart(3, '0');
  const nip = `${year}${month}${day}2015031${serial}`;
  return [nip, `${nip},Pegawai Bench ${i},L,${year}-${month}-${day},PNS,III/a,Analis,Pelaksana,KOMINFO,S1`];
}

async function writeLines(path: string, header: string, count: number, line: (i: number) => string) {
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  for (let i = 0; i < count; i += 1) if (!out.write(`${line(i)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/**
 * `importEmployeesRowsPerSecond` and `importEnrollmentsRowsPerSecond`: files of `rows` new
 * employees, then `rows` enrollments of them in 10 programs, imported (all-or-nothing, both
 * passes) into the app's table; `importPeakRssMb`: the process's largest RSS while importing.
 */
export async function measureImports(
  app: BenchApp,
  dir: string,
  rows: number,
  now: Date,
  dynamoEndpoint?: string,
) {
  const dynamoPid = dynamoEndpoint ? dynamoLocalPid(dynamoEndpoint) : undefined;
  await seedDemoData(app.deps.table, now, 'organization');
  const deps = importDepsOf(app.deps);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const employees = join(dir, 'bench-employees.csv');
    await writeLines(employees, EMPLOYEE_HEADER, rows, (i) => nipAndRow(i)[1]);
    const programs = Array.from(
      { length: 10 },
      (_, p): TrainingProgram =>
        ({
          ...newRecord('medan', `bench-import-${p}`, now.toISOString()),
          code: `BENCH-${p}`,
          title: `Pelatihan Bench ${p}`,
          category: 'TECHNICAL',
          format: 'CLASSROOM',
          jp: 24,
          startDate: now.toISOString().slice(0, 10),
          endDate: now.toISOString().slice(0, 10),
          capacity: Math.ceil(rows / 10),
          costPerParticipant: 0,
          competencies: [],
          status: 'OPEN',
          seatsTaken: 0,
          waitlistCount: 0,
          completedCount: 0,
        }) as TrainingProgram,
    );
    await deps.table.batchPut(
      programs.flatMap((p) => [
        trainingProgramEntity.toItem(p),
        uniqueValueItem('medan', PROGRAM_CODE_GUARD, p.code as string, p.id),
      ]),
    );
    const enrollments = join(dir, 'bench-enrollments.csv');
    await writeLines(
      enrollments,
      'NIP,Kode Program,Status',
      rows,
      (i) => `${nipAndRow(i)[0]},BENCH-${i % 10},Terdaftar`,
    );

    const timed = async (kind: 'employees' | 'enrollments', path: string) => {
      const started = performance.now();
      const dynamoCpu = processCpuMs(dynamoPid);
      const ownCpu = ownCpuMs();
      const { report } = await importFile(deps, {
        agencyId: 'medan',
        kind,
        mode: 'ALL_OR_NOTHING',
        dryRun: false,
        open: async () => createReadStream(path),
      });
      const seconds = (performance.now() - started) / 1000;
      if (report.created !== rows)
        throw new Error(
          `bench ${kind} import created ${report.created} of ${rows}: ${JSON.stringify(report.rejections.slice(0, 3))}`,
        );
      const dynamoMs = dynamoCpu === undefined ? undefined : (processCpuMs(dynamoPid) ?? 0) - dynamoCpu;
      // A long run says where it is (a 100k-row file takes minutes per kind on a shared machine).
      console.log(`[bench]   ${kind}: ${rows} rows in ${seconds.toFixed(1)} s`);
      return {
        rowsPerSecond: round(rows / seconds),
        // CPU per row (load-independent, unlike rows/s on a shared machine): DynamoDB Local's, ours.
        dynamoCpuMsPerRow: dynamoMs === undefined ? undefined : round(dynamoMs / rows, 2),
        ownCpuMsPerRow: round((ownCpuMs() - ownCpu) / rows, 2),
      };
    };
    const employeesRun = await timed('employees', employees);
    const enrollmentsRun = await timed('enrollments', enrollments);
    return {
      importEmployeesRowsPerSecond: employeesRun.rowsPerSecond,
      importEnrollmentsRowsPerSecond: enrollmentsRun.rowsPerSecond,
      importEmployeesCpuMsPerRow: employeesRun.ownCpuMsPerRow,
      importEnrollmentsCpuMsPerRow: enrollmentsRun.ownCpuMsPerRow,
      ...(employeesRun.dynamoCpuMsPerRow === undefined || enrollmentsRun.dynamoCpuMsPerRow === undefined
        ? {}
        : {
            importEmployeesDynamoCpuMsPerRow: employeesRun.dynamoCpuMsPerRow,
            importEnrollmentsDynamoCpuMsPerRow: enrollmentsRun.dynamoCpuMsPerRow,
          }),
      importPeakRssMb: round(peak / 1024 / 1024),
      importRows: rows,
    };
  } finally {
    clearInterval(sampler);
  }
}
