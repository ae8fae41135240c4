import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { LAZY_CREDENTIAL_MODULES } from '../../lib/healer-function';
import {
  type Sandbox,
  sampleOrg,
  startSandbox,
} from '../../sandbox/server/index';

const run = promisify(execFile);

/**
 * The stack leaves the SDK's other credential providers out of each
 * bundle, trusting that Lambda's environment credentials stop the chain
 * before it needs them. This runs a bundle made that way in a folder
 * with no node_modules, against the sandbox, to show that it holds.
 */
describe('function bundle', () => {
  let sandbox: Sandbox;
  let folder: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ world: sampleOrg(), throttling: false });
    folder = mkdtempSync(join(tmpdir(), 'healer-bundle-'));
  });

  afterAll(async () => {
    await sandbox.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('runs with environment credentials and no node_modules', async () => {
    // Prepare
    await build({
      entryPoints: ['lambdas/check-provisioning/index.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      mainFields: ['module', 'main'],
      external: LAZY_CREDENTIAL_MODULES,
      outfile: join(folder, 'index.js'),
      logLevel: 'silent',
    });
    const state = {
      execution: { id: 'local', startTime: new Date().toISOString() },
      counters: { checks: 0, waits: 0, reprovisions: 0 },
      actions: [],
      request: {
        instanceArn: sandbox.world.instanceArn,
        accountId: sandbox.world.accountId('dev'),
        permissionSetArn: sandbox.world.permissionSetArn('AdministratorAccess'),
        trigger: { kind: 'MANUAL', startedAt: new Date().toISOString() },
      },
    };
    writeFileSync(
      join(folder, 'invoke.js'),
      `require('./index.js').handler(${JSON.stringify(state)})` +
        '.then((s) => process.stdout.write(JSON.stringify(s.verdict)));',
    );

    // Act
    const { stdout } = await run(process.execPath, ['invoke.js'], {
      cwd: folder,
      env: {
        PATH: process.env.PATH,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        POWERTOOLS_LOG_LEVEL: 'SILENT',
        ...sandbox.endpointEnv(),
      },
    });

    // Assess
    expect(JSON.parse(stdout)).toMatchObject({ state: 'HEALTHY' });
    expect(sandbox.calls({ service: 'sso-admin' }).length).toBeGreaterThan(0);
  });
});
