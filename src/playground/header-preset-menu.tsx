import { ToolbarButton, ToolbarMenu, useGraphiQL } from '@graphiql/react';
import type { ReactElement } from 'react';
import type { HeaderPreset } from './playground-config';
import { HeaderPresetIcon } from './toolbar-icons';

/** Formats a preset's headers the way the header editor shows them. */
export function headersText(headers: Record<string, string>): string {
  return JSON.stringify(headers, null, 2);
}

/** Toolbar menu that replaces the request headers of the active tab with a preset (e.g. a demo token per role). */
export function HeaderPresetMenu({ presets }: { presets: HeaderPreset[] }): ReactElement | null {
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  if (presets.length === 0) return null;
  return (
    <ToolbarMenu
      button={
        <ToolbarButton label="Use a header preset" data-testid="header-preset-menu">
          <HeaderPresetIcon />
        </ToolbarButton>
      }
    >
      {presets.map((preset) => (
        <ToolbarMenu.Item
          key={preset.label}
          onSelect={() => headerEditor?.setValue(headersText(preset.headers))}
        >
          {preset.label}
        </ToolbarMenu.Item>
      ))}
    </ToolbarMenu>
  );
}
