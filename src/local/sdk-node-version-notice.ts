/**
 * On Node 20 every AWS SDK client prints a NodeVersionSupportWarning (SDK releases after the
 * first week of January 2027 need Node 22) in every local command. The lockfile pins an SDK
 * version that supports Node 20, and the README says so (Requirements), so locally the warning
 * is turned off with the SDK's documented switch; the Lambda runs Node 22 and never shows it.
 */
export function quietSdkNodeVersionNotice(env: NodeJS.ProcessEnv = process.env): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22 && env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED === undefined) {
    env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  }
}
