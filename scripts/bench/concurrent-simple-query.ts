/**
 * concurrentSimpleQueryMs: the median latency of a `me` query through the server while the
 * heaviest request the limits allow runs beside it, again and again, in the same process (one
 * Lambda container or one `npm start` serves both). The heavy request: a page of 100 employees,
 * each with a page of 100 enrollments and their programs' descriptions (cost about 70k of
 * 100k; on the 100k data set it reads about 2,200 of its 3,000 items in about 25 DynamoDB calls); it must
 * be answered, not refused, or it would prove nothing.
 */
import { adminClaims, type BenchApp } from './bench-app';
import { BENCH_AGENCY } from './load-records';
import { median, round, timeMs } from './statistics';

export const HEAVIEST_ALLOWED_QUERY = `{
  employees(first: 100) { edges { node {
    name nip golongan
    enrollments(first: 100) { edges { node { status preTestScore postTestScore program { title description jp } } } }
  } } }
}`;

export interface ConcurrentResult {
  concurrentSimpleQueryMs: number;
  /** The same `me` query with nothing else running. */
  simpleQueryAloneMs: number;
  /** One heavy request alone, and what it answered. */
  heaviestAllowedMs: number;
  heaviestAllowedKb: number;
}

/** Runs on the bench agency of `app` (the 100k data set). */
export async function measureConcurrentSimpleQuery(app: BenchApp, samples = 40): Promise<ConcurrentResult> {
  const headers = app.headers(await app.token(adminClaims(BENCH_AGENCY)));
  const me = () => app.execute('{ me { role agency { name } } }', undefined, headers);
  const heavy = await app.execute(HEAVIEST_ALLOWED_QUERY, undefined, headers);
  if (heavy.errors?.length)
    throw new Error(`The heaviest allowed request was refused: ${JSON.stringify(heavy.errors)}`);
  const heaviestAllowedKb = round(JSON.stringify(heavy).length / 1024);
  const heaviestAllowedMs = await timeMs(() => app.execute(HEAVIEST_ALLOWED_QUERY, undefined, headers));
  const alone: number[] = [];
  for (let i = 0; i < 10; i += 1) alone.push(await timeMs(me));

  let running = true;
  const background = (async () => {
    while (running) await app.execute(HEAVIEST_ALLOWED_QUERY, undefined, headers);
  })();
  const beside: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    beside.push(await timeMs(me));
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  running = false;
  await background;
  return {
    concurrentSimpleQueryMs: round(median(beside)),
    simpleQueryAloneMs: round(median(alone)),
    heaviestAllowedMs: round(heaviestAllowedMs),
    heaviestAllowedKb,
  };
}
