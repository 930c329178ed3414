import {
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  visit,
} from 'graphql';
import { documentHash } from '../auth/trusted-documents';

/** Fragments an operation uses, directly or through other fragments. */
function fragmentsOf(
  definition: DefinitionNode,
  all: Map<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const follow = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = all.get(spread.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          follow(fragment);
        }
      },
    });
  follow(definition);
  return [...used.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
}

/** The manifest of a client's `.graphql` sources: every operation, printed with its fragments, by sha256. */
export function persistedDocuments(sources: readonly string[]): Record<string, string> {
  const definitions = sources.flatMap((source) => parse(source).definitions);
  const fragments = new Map(
    definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d] as const),
  );
  const manifest: Record<string, string> = {};
  for (const operation of definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )) {
    const document: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [operation, ...fragmentsOf(operation, fragments)],
    };
    const text = print(document);
    manifest[documentHash(text)] = text;
  }
  return manifest;
}
