import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/lambda-bundling';
import { copyTrustedDocumentsCommands, TRUSTED_DOCUMENTS_DIR_IN_LAMBDA } from '../../infra/trusted-documents';
import { functionEnv, PROD_CONTEXT, stageConfigFor, synthStack } from './synth-stack';

const PARTNER_MANIFEST = 'examples/partner/src/gql/persisted-documents.json';
const DASHBOARD_MANIFEST = 'examples/dashboard/src/gql/persisted-documents.json';

describe('trusted documents of the GraphQL function', () => {
  it('hold the partner usu to its packaged manifest by default (cdk.json)', () => {
    const { template } = synthStack('dev');
    expect(functionEnv(template, 'graphql').TRUSTED_DOCUMENTS).toBe(
      `partner:usu=${TRUSTED_DOCUMENTS_DIR_IN_LAMBDA}/partner-usu.json`,
    );
    expect(stageConfigFor('dev').trustedDocuments).toEqual([{ client: 'usu', manifest: PARTNER_MANIFEST }]);
  });

  it('name the dashboard by the staff app client id Cognito assigns at deploy', () => {
    const { template } = synthStack('prod', {
      ...PROD_CONTEXT,
      // The `-c trustedDocuments=...` form, as TRUSTED_DOCUMENTS writes it.
      trustedDocuments: `partner:usu=${PARTNER_MANIFEST},dashboard=${DASHBOARD_MANIFEST}`,
    });
    expect(functionEnv(template, 'graphql').TRUSTED_DOCUMENTS).toEqual({
      'Fn::Join': [
        '',
        [
          `partner:usu=${TRUSTED_DOCUMENTS_DIR_IN_LAMBDA}/partner-usu.json,client:`,
          { Ref: expect.stringMatching(/^AuthUserPoolStaffClient/) },
          `=${TRUSTED_DOCUMENTS_DIR_IN_LAMBDA}/dashboard.json`,
        ],
      ],
    });
  });

  it('hold nobody when the context lists nobody', () => {
    const { template } = synthStack('prod', { ...PROD_CONTEXT, trustedDocuments: [] });
    expect(functionEnv(template, 'graphql')).not.toHaveProperty('TRUSTED_DOCUMENTS');
  });

  it.each([
    [
      'a client that is no configured partner',
      [{ client: 'unsri', manifest: PARTNER_MANIFEST }],
      /not a configured partner/,
    ],
    ['a client twice', `usu=${PARTNER_MANIFEST},partner:usu=${PARTNER_MANIFEST}`, /twice/],
    ['a manifest that is missing', [{ client: 'usu', manifest: 'examples/none.json' }], /cannot read/],
    ['a manifest outside the repository', [{ client: 'usu', manifest: '../secrets.json' }], /manifest/],
    [
      'a path the bundling shell would misread',
      [{ client: 'usu', manifest: 'a b;rm -rf x.json' }],
      /manifest/,
    ],
    ['a file that is no manifest', [{ client: 'usu', manifest: 'package.json' }], /not its sha256/],
  ])('fail the synth on %s', (_, trustedDocuments, message) => {
    expect(() => stageConfigFor('dev', { trustedDocuments })).toThrow(message);
  });

  it('copy each manifest into the package with the afterBundling commands', () => {
    const output = mkdtempSync(join(tmpdir(), 'asn-trusted-'));
    const entries = [
      { client: 'usu', manifest: PARTNER_MANIFEST },
      { client: 'dashboard', manifest: DASHBOARD_MANIFEST },
    ];
    for (const command of copyTrustedDocumentsCommands(entries, PROJECT_ROOT, output))
      execFileSync('bash', ['-c', command]);
    expect(readdirSync(join(output, 'trusted-documents')).sort()).toEqual([
      'dashboard.json',
      'partner-usu.json',
    ]);
    expect(readFileSync(join(output, 'trusted-documents', 'partner-usu.json'), 'utf8')).toBe(
      readFileSync(join(PROJECT_ROOT, PARTNER_MANIFEST), 'utf8'),
    );
    expect(copyTrustedDocumentsCommands([], PROJECT_ROOT, output)).toEqual([]);
    rmSync(output, { recursive: true, force: true });
  });
});
