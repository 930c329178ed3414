import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createHttpEdge } from '../../src/server/http-edge';
import { type RunningHttpServer, startHttpServer } from '../../src/server/http-server';
import { createTestApp, type TestApp } from '../helpers/test-app';

const COMMITTED = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8').replace(
  /^#[^\n]*\n\n?/,
  '',
);

describe('GET /graphql/schema.graphql through the HTTP edge (npm start; the Lambda serves the same edge)', () => {
  const opened: { app: TestApp; http: RunningHttpServer }[] = [];

  async function serve(stage: 'dev' | 'prod'): Promise<string> {
    const app = await createTestApp({ env: { STAGE: stage } });
    const http = await startHttpServer(createHttpEdge(app.deps, { graphqlRoute: 'any' }), { port: 0 });
    opened.push({ app, http });
    return http.url;
  }

  afterAll(async () => {
    for (const { app, http } of opened) {
      await http.close();
      await app.close();
    }
  });

  it('answers the committed schema.graphql in dev, where introspection is on', async () => {
    const response = await fetch(`${await serve('dev')}/schema.graphql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect((await response.text()).trim()).toBe(COMMITTED.trim());
  });

  it('is not found in prod, where introspection is off, and takes no other method', async () => {
    const prod = await serve('prod');
    expect((await fetch(`${prod}/schema.graphql`)).status).toBe(404);
    const post = await fetch(`${await serve('dev')}/schema.graphql`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, OPTIONS');
  });
});
