import { describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '../../../src/errors/app-error';
import { quietDuringOutages, watchDatabase } from '../../../src/local/database-watch';

describe('the database watch of npm start', () => {
  it('says in one line when the table stops answering and one when it answers again', async () => {
    const answers = [true, false, false, false, true, true];
    const lines: string[] = [];
    const watch = watchDatabase(
      async () => answers.shift() ?? true,
      (line) => lines.push(line),
    );
    for (let i = 0; i < 6; i += 1) await watch.check();
    expect(lines).toEqual([
      'DynamoDB is not answering: requests get SERVICE_UNAVAILABLE and /health 503 until it does',
      'DynamoDB answers again; the API serves as before',
    ]);
  });

  it('keeps background loops quiet about an outage, and logs every other failure as before', () => {
    const logged: string[] = [];
    const logger = quietDuringOutages({ error: (message: string) => logged.push(message) } as never);
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' });
    const timedOut = Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    logger.error('Stream aggregation failed; retrying', { error: refused });
    logger.error('Webhook fan-out failed; retrying', { error: new ServiceUnavailableError(1, timedOut) });
    logger.error('Stream aggregation failed; retrying', { error: new Error('wrapped', { cause: timedOut }) });
    logger.error('Webhook dispatch failed; retrying', { error: new TypeError('a bug') });
    expect(logged).toEqual(['Webhook dispatch failed; retrying']);
  });
});
