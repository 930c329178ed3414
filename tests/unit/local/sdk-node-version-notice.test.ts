import { describe, expect, it } from 'vitest';
import { quietSdkNodeVersionNotice } from '../../../src/local/sdk-node-version-notice';

const NODE_MAJOR = Number(process.versions.node.split('.')[0]);

describe("the AWS SDK's Node version notice in local commands", () => {
  it('is turned off with the documented switch below Node 22, and left alone from 22 on', () => {
    const env: NodeJS.ProcessEnv = {};
    quietSdkNodeVersionNotice(env);
    expect(env).toEqual(NODE_MAJOR < 22 ? { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } : {});
  });

  it('keeps what the developer set', () => {
    const env: NodeJS.ProcessEnv = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'false' };
    quietSdkNodeVersionNotice(env);
    expect(env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('false');
  });
});
