import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlCommand, parseEditorJson } from '../../../src/playground/curl-command';

/** The words a POSIX shell passes to `curl` for the command (curl replaced by a function printing them). */
function shellWords(command: string): string[] {
  const run = spawnSync('sh', ['-c', `curl() { printf '%s\\0' "$@"; }\n${command}`], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout.split('\0').slice(0, -1);
}

describe('copy as curl', () => {
  it('sends the operation, its variables and operation name as JSON with the request headers', () => {
    const command = curlCommand({
      url: 'http://localhost:4000/graphql',
      headers: { authorization: 'Bearer abc.def' },
      query: 'query One($id: ID!) { employee(id: $id) { name } }',
      variables: { id: 'RW1w' },
      operationName: 'One',
    });
    const words = shellWords(command);
    expect(words.slice(0, 5)).toEqual([
      'http://localhost:4000/graphql',
      '-H',
      'content-type: application/json',
      '-H',
      'authorization: Bearer abc.def',
    ]);
    expect(words[5]).toBe('--data-raw');
    expect(JSON.parse(words[6] as string)).toEqual({
      query: 'query One($id: ID!) { employee(id: $id) { name } }',
      variables: { id: 'RW1w' },
      operationName: 'One',
    });
  });

  it('keeps quotes, newlines, $(...) and backticks literal: nothing is run by the shell', () => {
    const hostile = `it's "quoted" $(touch /tmp/pwned) \`id\` $HOME \\ \n next line`;
    const command = curlCommand({
      url: "http://127.0.0.1:4000/graphql?x='1'",
      headers: { 'x-note': hostile },
      query: `{ feedback(filter: { text: "${hostile.replace(/\n/g, '\\n').replace(/"/g, '\\"')}" }) { id } }`,
      variables: { text: hostile },
    });
    const words = shellWords(command);
    expect(words[0]).toBe("http://127.0.0.1:4000/graphql?x='1'");
    expect(words).toContain(`x-note: ${hostile}`);
    expect(JSON.parse(words.at(-1) as string).variables).toEqual({ text: hostile });
  });

  it('uses a content-type header of the editor instead of adding its own, and leaves out empty variables', () => {
    const words = shellWords(
      curlCommand({
        url: 'http://h/graphql',
        headers: { 'Content-Type': 'application/json' },
        query: '{ me { role } }',
        variables: {},
      }),
    );
    expect(words.filter((w) => /content-type/i.test(w))).toEqual(['Content-Type: application/json']);
    expect(JSON.parse(words.at(-1) as string)).toEqual({ query: '{ me { role } }' });
  });

  it.each([
    ['', 'headers', {}],
    ['{ "authorization": "Bearer x" }', 'headers', { authorization: 'Bearer x' }],
    ['{ "authorization": ', 'headers', 'The headers are not valid JSON'],
    ['["x"]', 'variables', 'The variables must be a JSON object'],
    ['{ "x-count": 3 }', 'headers', 'Every header value must be a string'],
    ['{ "first": 3 }', 'variables', { first: 3 }],
  ] as const)('reads the editor text %j as %s', (text, what, expected) => {
    expect(parseEditorJson(text, what)).toEqual(expected);
  });
});
