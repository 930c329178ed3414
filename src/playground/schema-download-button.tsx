import { ToolbarButton } from '@graphiql/react';
import { type ReactElement, useState } from 'react';
import { DownloadIcon } from './toolbar-icons';

/**
 * Downloads the printed schema the API serves (`schema.graphql`), the file a client team
 * generates its types from (README, "Typed clients").
 */
export function SchemaDownloadButton({ schemaUrl }: { schemaUrl: string }): ReactElement {
  const [problem, setProblem] = useState('');
  const download = async (): Promise<void> => {
    const response = await fetch(schemaUrl, { headers: { accept: 'text/plain' } }).catch(() => undefined);
    if (!response?.ok) {
      setProblem(
        `The schema could not be downloaded (${response ? `HTTP ${response.status}` : 'no answer'})`,
      );
      return;
    }
    setProblem('');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([await response.text()], { type: 'text/plain' }));
    link.download = 'schema.graphql';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  };
  return (
    <>
      <ToolbarButton
        label="Download the schema (schema.graphql)"
        data-testid="schema-download"
        onClick={download}
      >
        <DownloadIcon />
      </ToolbarButton>
      {problem ? (
        <output data-testid="schema-download-status" className="playground-toolbar-status">
          {problem}
        </output>
      ) : null}
    </>
  );
}
