import { readFileSync } from 'node:fs';
import { type DocumentNode, Kind, parse, print, visit } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PLAYGROUND_EXAMPLES } from '../../../src/server/playground-examples';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const readmeExamples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] as string);

/** The operation as printed without its name: `{ me { role } }` matches `query Me { me { role } }`. */
function normalized(document: string): string {
  const unnamed = visit(parse(document), {
    OperationDefinition: (node) => ({ ...node, name: undefined }),
  }) as DocumentNode;
  return print({
    ...unnamed,
    definitions: unnamed.definitions.filter(
      (d) => d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION,
    ),
  });
}

const menu = new Map(PLAYGROUND_EXAMPLES.map((example) => [normalized(example.query), example]));

describe("the playground's example menu", () => {
  it('has the examples of the README to find', () => {
    expect(readmeExamples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(readmeExamples.map((query) => [query.trim().split('\n')[0], query]))(
    'holds the README example %s...',
    (_, query) => {
      const example = menu.get(normalized(query as string));
      expect(
        example,
        `add it to src/server/playground-examples/ (same operation, any name):\n${query}`,
      ).toBeDefined();
    },
  );

  it('does not take two operations for the same one when only their text differs', () => {
    expect(normalized('query A { me { role } }')).toBe(normalized('{\n  me {\n    role\n  }\n}'));
    expect(normalized('{ me { role } }')).not.toBe(normalized('{ me { agency { name } } }'));
  });
});
