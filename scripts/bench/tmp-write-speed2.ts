import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoClients } from '../../src/data/dynamo-client';
import { createTableInput, ensureTable } from '../../src/data/ensure-table';
import { Table } from '../../src/data/table';
import { startDynamoDbLocal } from '../../src/local/dynamodb-local';

const dynamo = await startDynamoDbLocal();
const { doc, client } = createDynamoClients({ region: 'local', endpoint: dynamo.endpoint });
await ensureTable(client, 'tab1');
await client.send(new CreateTableCommand({ ...createTableInput('tab2'), StreamSpecification: { StreamEnabled: false } }));
const mk = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({
  pk: `bench#Enrollment#${tag}${String(i).padStart(26, '0')}`, sk: 'Enrollment', entity: 'Enrollment',
  gsi1pk: `bench#TrainingProgram#p${i % 240}#Enrollment`, gsi1sk: tag + String(i).padStart(26, '0'),
  gsi3pk: `bench#Unit#u${i % 11}#Enrollment`, gsi3sk: `2025-01-01T00:00:00.000Z#${tag}${i}`,
  agencyId: 'bench', id: String(i), version: 1, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z',
  programId: `p${i % 240}`, employeeId: `e${i % 5000}`, unitId: `u${i % 11}`,
  employeeProfile: { unitId: `u${i % 11}`, grade: 'III_A', employmentType: 'PNS', gender: 'MALE' },
  programStartDate: '2025-01-05', status: 'COMPLETED', queueKey: String(i), jpCredited: 10, enrolledAt: '2025-01-01T00:00:00.000Z',
  completedAt: '2025-01-10T00:00:00.000Z', preTestScore: 50, postTestScore: 70, certificateNumber: '00001/SERT/BKPSDM-BENCH/2025',
}));
for (const [name, tag] of [['tab1', 'a'], ['tab2', 'b'], ['tab1', 'c'], ['tab2', 'd']] as const) {
  const table = new Table(doc, name);
  const items = mk(15000, tag);
  const t = performance.now(); const cpu0 = process.cpuUsage();
  await table.batchPut(items);
  console.log(`${name}: ${(items.length / ((performance.now() - t) / 1000)).toFixed(0)} items/s, node cpu ${((process.cpuUsage(cpu0).user+process.cpuUsage(cpu0).system)/1000/(performance.now()-t)*100).toFixed(0)}%`);
}
client.destroy();
await dynamo.stop();
