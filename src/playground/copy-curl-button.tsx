import { ToolbarButton, useGraphiQL } from '@graphiql/react';
import { type ReactElement, useState } from 'react';
import { curlCommand, parseEditorJson } from './curl-command';
import { CurlIcon } from './toolbar-icons';

/**
 * Copies the current operation, its variables and the request headers (a role's token, say) as
 * a `curl` command, to try it from a terminal or paste it into a bug report. A status beside the
 * button says it was copied, or what is wrong with the headers or variables.
 */
export function CopyCurlButton({ endpoint }: { endpoint: string }): ReactElement {
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  const operationName = useGraphiQL((state) => state.operationName);
  const [status, setStatus] = useState('');

  const copy = async (): Promise<void> => {
    const headers = parseEditorJson(headerEditor?.getValue(), 'headers');
    const variables = parseEditorJson(variableEditor?.getValue(), 'variables');
    if (typeof headers === 'string' || typeof variables === 'string') {
      setStatus(typeof headers === 'string' ? headers : (variables as string));
      return;
    }
    const command = curlCommand({
      url: new URL(endpoint, window.location.href).href,
      headers: headers as Record<string, string>,
      query: queryEditor?.getValue() ?? '',
      variables,
      operationName,
    });
    try {
      await navigator.clipboard.writeText(command);
      setStatus('Copied as curl');
    } catch {
      // No clipboard (an insecure origin, a denied permission): show it to copy by hand.
      window.prompt('Copy the curl command', command);
      setStatus('');
    }
  };

  return (
    <>
      <ToolbarButton label="Copy as curl (with the request headers)" data-testid="copy-curl" onClick={copy}>
        <CurlIcon />
      </ToolbarButton>
      <output data-testid="copy-curl-status" className="playground-toolbar-status">
        {status}
      </output>
    </>
  );
}
