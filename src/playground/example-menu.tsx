import { ToolbarButton, ToolbarMenu, useGraphiQL } from '@graphiql/react';
import type { ReactElement } from 'react';
import type { PlaygroundExample } from './playground-config';
import { ExamplesIcon } from './toolbar-icons';

/** Toolbar menu that loads an example operation (and its variables) into the active tab. */
export function ExampleMenu({ examples }: { examples: PlaygroundExample[] }): ReactElement | null {
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  if (examples.length === 0) return null;
  const load = (example: PlaygroundExample): void => {
    queryEditor?.setValue(example.query);
    variableEditor?.setValue(example.variables ?? '');
  };
  return (
    <ToolbarMenu
      button={
        <ToolbarButton label="Load an example operation" data-testid="example-menu">
          <ExamplesIcon />
        </ToolbarButton>
      }
    >
      {examples.map((example) => (
        <ToolbarMenu.Item key={`${example.audience}/${example.title}`} onSelect={() => load(example)}>
          {example.audience}: {example.title}
        </ToolbarMenu.Item>
      ))}
    </ToolbarMenu>
  );
}
