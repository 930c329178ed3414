import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentHash, loadTrustedDocuments } from '../../../src/auth/trusted-documents';
import { persistedDocuments } from '../../../src/server/persisted-documents';

const FIXTURE = 'tests/fixtures/trusted-client';

describe('trusted-document manifests', () => {
  it('the committed test manifest is the one its .graphql files give (no drift)', () => {
    const sources = readdirSync(FIXTURE)
      .filter((name) => name.endsWith('.graphql'))
      .sort()
      .map((name) => readFileSync(join(FIXTURE, name), 'utf8'));
    const committed = JSON.parse(readFileSync(join(FIXTURE, 'persisted-documents.json'), 'utf8'));
    expect(committed).toEqual(persistedDocuments(sources));
  });

  it('prints each operation with the fragments it uses, keyed by the sha256 of that text', () => {
    const manifest = persistedDocuments([
      'query A { me { ...R } } fragment R on Viewer { role } fragment Unused on Viewer { subject }',
    ]);
    const [[hash, text]] = Object.entries(manifest) as [[string, string]];
    expect(hash).toBe(documentHash(text));
    expect(text).toContain('fragment R on Viewer');
    expect(text).not.toContain('Unused');
  });

  it('refuses to start with a manifest whose document is not under its own hash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ [documentHash('{ me { role } }')]: '{ me { subject } }' }),
    );
    expect(() => loadTrustedDocuments([{ client: 'usu', manifest: 'bad.json' }], dir)).toThrow(
      /not its sha256/,
    );
    expect(() => loadTrustedDocuments([{ client: 'usu', manifest: 'missing.json' }], dir)).toThrow(
      /cannot read/,
    );
  });

  it('holds partners by code and dashboards by client id; the public and others are free', () => {
    const trusted = loadTrustedDocuments([
      { client: 'usu', manifest: `${FIXTURE}/persisted-documents.json` },
      { client: 'client:dash-1', manifest: `${FIXTURE}/persisted-documents.json` },
    ]);
    const partner = (partnerId: string) => ({
      kind: 'partner' as const,
      partnerId,
      subject: 'x',
      scopes: [],
    });
    const staff = (clientId?: string) => ({
      kind: 'staff' as const,
      role: 'ADMIN' as const,
      agencyId: 'medan',
      subject: 's',
      clientId,
    });
    expect(trusted.strictFor(partner('usu'))?.size).toBe(2);
    expect(trusted.strictFor(partner('itb'))).toBeUndefined();
    expect(trusted.strictFor(staff('dash-1'))?.size).toBe(2);
    expect(trusted.strictFor(staff('dash-2'))).toBeUndefined();
    expect(trusted.strictFor(staff())).toBeUndefined();
    expect(trusted.strictFor({ kind: 'public' })).toBeUndefined();
  });
});
