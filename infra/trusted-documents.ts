/**
 * The strict clients' trusted documents inside the GraphQL Lambda package: each manifest is
 * copied into `trusted-documents/` by a bundling command, and TRUSTED_DOCUMENTS
 * (src/config/load-config.ts) points at the copies, so the deployed function holds exactly the
 * manifests committed with the code it runs.
 */
import type { ICommandHooks } from 'aws-cdk-lib/aws-lambda-nodejs';
import { DASHBOARD_CLIENT, type TrustedDocumentsConfig } from './stage-config';

/** Where the package's manifests are in the function (`/var/task` is the package root). */
export const TRUSTED_DOCUMENTS_DIR_IN_LAMBDA = '/var/task/trusted-documents';

/** The file a client's manifest is copied to in the package's `trusted-documents/`. */
export function packagedManifestName(client: string): string {
  return client === DASHBOARD_CLIENT ? `${DASHBOARD_CLIENT}.json` : `partner-${client}.json`;
}

/**
 * TRUSTED_DOCUMENTS of the function: a partner by `partner:<code>`, the dashboard by the staff
 * app client's id (`client:<id>`, a deploy-time value), each with its packaged manifest.
 */
export function trustedDocumentsEnv(
  entries: readonly TrustedDocumentsConfig[],
  staffClientId: string,
): string {
  return entries
    .map(({ client }) => {
      const name = client === DASHBOARD_CLIENT ? `client:${staffClientId}` : `partner:${client}`;
      return `${name}=${TRUSTED_DOCUMENTS_DIR_IN_LAMBDA}/${packagedManifestName(client)}`;
    })
    .join(',');
}

/** The afterBundling commands that copy each manifest (relative to the project root) into the package. */
export function copyTrustedDocumentsCommands(
  entries: readonly TrustedDocumentsConfig[],
  inputDir: string,
  outputDir: string,
): string[] {
  if (entries.length === 0) return [];
  return [
    `mkdir -p "${outputDir}/trusted-documents"`,
    ...entries.map(
      ({ client, manifest }) =>
        `cp "${inputDir}/${manifest}" "${outputDir}/trusted-documents/${packagedManifestName(client)}"`,
    ),
  ];
}

/** Bundling hooks whose afterBundling commands are those of every step given, in order. */
export function afterBundlingHooks(
  ...steps: ((inputDir: string, outputDir: string) => string[])[]
): ICommandHooks {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir, outputDir) => steps.flatMap((step) => step(inputDir, outputDir)),
  };
}
