import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  ExpiredIteratorException,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type Shard,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import { enabledStream, streamsClientFor } from '../streams-client';
import type { Table } from '../table';
import type { RollupAggregator } from './apply-changes';
import { parsableChanges, type StreamChange, toStreamChange } from './stream-change';

const CHECKPOINTS = 'System#StreamCheckpoint';

interface ShardState {
  iterator?: string | undefined;
  done: boolean;
}

export interface StreamPollerOptions {
  client: DynamoDBClient;
  table: Table;
  aggregator: RollupAggregator;
  /** Timeouts of the Streams API calls, as for the table's (a stalled database must not hold a poll forever). */
  timeouts?: { requestMs: number; connectMs: number } | undefined;
  onError?: (error: unknown) => void;
  /** The table's stream, when the caller knows it already (ensureStream); found on the first poll otherwise. */
  streamArn?: string | undefined;
}

/**
 * Reads the table's stream through the DynamoDB Streams API (DynamoDB Local in `npm start` and
 * the tests) and hands the changes to the same aggregator Lambda uses. Shards are read parents
 * first; the last applied sequence number of each is checkpointed in the table, so a restart
 * resumes where it stopped, and a failed change is retried on the next poll, like Lambda does.
 */
export function createStreamPoller(options: StreamPollerOptions) {
  const { client, table, aggregator, timeouts, onError } = options;
  const streams = streamsClientFor(client, timeouts);
  const shards = new Map<string, ShardState>();
  let streamArn = options.streamArn;

  async function checkpoint(shardId: string): Promise<string | undefined> {
    const item = await table.get({ pk: CHECKPOINTS, sk: shardId });
    return typeof item?.sequence === 'string' ? item.sequence : undefined;
  }

  async function iteratorFor(shardId: string): Promise<string | undefined> {
    const sequence = await checkpoint(shardId);
    // A shard seen for the first time is read from its start: everything in it is new.
    const type: ShardIteratorType = sequence ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON';
    const out = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ShardIteratorType: type,
        SequenceNumber: sequence,
      }),
    );
    return out.ShardIterator;
  }

  async function readShard(shard: Shard): Promise<number> {
    const shardId = shard.ShardId as string;
    const state = shards.get(shardId) ?? { done: false };
    shards.set(shardId, state);
    if (state.done) return 0;
    state.iterator ??= await iteratorFor(shardId);
    if (!state.iterator) {
      state.done = true;
      return 0;
    }
    let out: GetRecordsCommandOutput;
    try {
      out = await streams.send(new GetRecordsCommand({ ShardIterator: state.iterator, Limit: 1000 }));
    } catch (error) {
      // The next poll asks for a fresh iterator from the checkpoint: an iterator does not outlive
      // a restart of the database (DynamoDB Local under npm start), nor its expiry.
      state.iterator = undefined;
      if (error instanceof ExpiredIteratorException) return 0;
      throw error;
    }
    const records = out.Records ?? [];
    const changes: StreamChange[] = [];
    let applied = 0;
    try {
      await aggregator.loadPrograms(parsableChanges(records));
    } catch (error) {
      state.iterator = undefined;
      throw error;
    }
    for (const record of records) {
      const change = toStreamChange(record);
      try {
        if ((await aggregator.applyChange(change)) !== 'skipped') applied += 1;
      } catch (error) {
        // Stop at the failed change: the next poll starts again from the last checkpoint.
        state.iterator = undefined;
        await aggregator.advanceWatermarks(changes);
        throw error;
      }
      changes.push(change);
    }
    // The aggregator's own writes come back through the stream as skipped records; checkpointing
    // only batches that applied something keeps those from feeding the stream forever.
    const last = records.at(-1)?.dynamodb?.SequenceNumber;
    if (applied > 0 && last) {
      await aggregator.advanceWatermarks(changes);
      await table.put({ pk: CHECKPOINTS, sk: shardId, entity: 'StreamCheckpoint', sequence: last });
    }
    state.iterator = out.NextShardIterator;
    if (!state.iterator) state.done = true;
    return applied;
  }

  async function currentShards(): Promise<Shard[]> {
    if (!streamArn) {
      streamArn = await enabledStream(streams, table.name);
      if (!streamArn) throw new Error(`Table ${table.name} has no stream`);
    }
    const out = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    return out.StreamDescription?.Shards ?? [];
  }

  /**
   * Marks everything in the stream so far as applied without applying it: used right before
   * rebuilding the rollups from base items (nothing writes in between), so no change counts twice.
   */
  async function skipToEnd(): Promise<void> {
    for (const shard of await currentShards()) {
      const shardId = shard.ShardId as string;
      let iterator = (
        await streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: shardId,
            ShardIteratorType: 'TRIM_HORIZON',
          }),
        )
      ).ShardIterator;
      let last: string | undefined;
      while (iterator) {
        const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        last = out.Records?.at(-1)?.dynamodb?.SequenceNumber ?? last;
        if (!out.Records?.length) break;
        iterator = out.NextShardIterator;
      }
      if (last) await table.put({ pk: CHECKPOINTS, sk: shardId, entity: 'StreamCheckpoint', sequence: last });
      shards.set(shardId, { done: false });
    }
    await table.put({ pk: CHECKPOINTS, sk: '#positioned', entity: 'StreamCheckpoint' });
  }

  /** Whether a previous run positioned this table's stream (otherwise: skip to the end and rebuild). */
  async function positioned(): Promise<boolean> {
    return Boolean(await table.get({ pk: CHECKPOINTS, sk: '#positioned' }));
  }

  /** Applies every change available now, under one system job's retry budget; returns how many changed the rollups. */
  function pollOnce(): Promise<number> {
    return table.retries.forJob(pollShards);
  }

  async function pollShards(): Promise<number> {
    const all = await currentShards();
    // Parents (older sequence numbers) before children, so a record's earlier changes come first.
    const start = (shard: Shard) => BigInt(shard.SequenceNumberRange?.StartingSequenceNumber ?? '0');
    const ordered = [...all].sort((a, b) => (start(a) < start(b) ? -1 : start(a) > start(b) ? 1 : 0));
    let read = 0;
    for (const shard of ordered) read += await readShard(shard);
    return read;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  return {
    pollOnce,
    skipToEnd,
    positioned,
    /** Applies changes until none arrive for a moment (tests: wait for the aggregator to catch up). */
    async drain(): Promise<void> {
      for (let quiet = 0; quiet < 2; ) quiet = (await pollOnce()) === 0 ? quiet + 1 : 0;
    },
    /** Polls every `intervalMs` until stopped. */
    start(intervalMs = 500) {
      const tick = async () => {
        try {
          await pollOnce();
        } catch (error) {
          onError?.(error);
        }
        if (stopped) return;
        timer = setTimeout(() => {
          running = tick();
        }, intervalMs);
      };
      running = tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      streams.destroy();
    },
  };
}

export type StreamPoller = ReturnType<typeof createStreamPoller>;
