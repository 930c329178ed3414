import { createDynamoClients } from '../../src/data/dynamo-client';
import { ensureTable } from '../../src/data/ensure-table';
import { Table } from '../../src/data/table';
import { startDynamoDbLocal } from '../../src/local/dynamodb-local';

const dynamo = await startDynamoDbLocal();
const { doc, client } = createDynamoClients({ region: 'local', endpoint: dynamo.endpoint });
await ensureTable(client, 'tab1');
const table = new Table(doc, 'tab1');
const items = Array.from({ length: 10000 }, (_, i) => ({
  pk: `bench#Enrollment#${String(i).padStart(26, '0')}`, sk: 'Enrollment', entity: 'Enrollment',
  gsi1pk: `bench#TrainingProgram#p${i % 240}#Enrollment`, gsi1sk: String(i).padStart(26, '0'),
  gsi3pk: `bench#Unit#u${i % 11}#Enrollment`, gsi3sk: `2025-01-01T00:00:00.000Z#${i}`,
  agencyId: 'bench', id: String(i), version: 1, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z',
  programId: `p${i % 240}`, employeeId: `e${i % 5000}`, unitId: `u${i % 11}`,
  employeeProfile: { unitId: `u${i % 11}`, grade: 'III_A', employmentType: 'PNS', gender: 'MALE' },
  programStartDate: '2025-01-05', status: 'COMPLETED', queueKey: String(i), jpCredited: 10, enrolledAt: '2025-01-01T00:00:00.000Z',
  completedAt: '2025-01-10T00:00:00.000Z', preTestScore: 50, postTestScore: 70, certificateNumber: '00001/SERT/BKPSDM-BENCH/2025',
}));
for (const c of [1, 1, 2, 4]) {
  const t = performance.now();
  await table.batchPut(items.map((it) => ({ ...it, pk: `${it.pk}#${c}${Math.random()}` })), c);
  console.log(`concurrency ${c}: ${(10000 / ((performance.now() - t) / 1000)).toFixed(0)} items/s`);
}
client.destroy();
await dynamo.stop();
