import { type Browser, chromium, type Page } from 'playwright-core';
import { chromiumPath } from '../../scripts/check-test-prerequisites';

/**
 * Flags for a closed network: without the background-networking ones Chromium waits on
 * connections (updates, sync, QUIC probes) that never complete.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium (`CHROMIUM_PATH`, default /usr/bin/chromium) for browser tests. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
}

/** The text a Monaco editor in GraphiQL shows (e.g. `.graphiql-response`), non-breaking spaces made plain. */
export async function editorText(page: Page, editorSelector: string): Promise<string> {
  const text = await page.locator(`${editorSelector} .view-lines`).first().textContent();
  return (text ?? '').replace(/\u00a0/g, ' ');
}
