import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import * as path from 'node:path';
import {
  ListInstancesCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';

const ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

interface Ended {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const children: ChildProcess[] = [];

const start = (script: string, args: readonly string[]) => {
  const child = spawn(TSX, [path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const ended = new Promise<Ended>((resolve) => {
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  const printed = async (text: string): Promise<string> => {
    while (!stdout.includes(text)) {
      if (child.exitCode !== null) {
        throw new Error(`exited ${child.exitCode} before "${text}": ${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    return stdout;
  };

  return { child, ended, printed };
};

const freePort = async (): Promise<{ server: Server; port: number }> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();

  return {
    server,
    port: typeof address === 'object' && address ? address.port : 0,
  };
};

afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
    }
  }
});

describe('run-scenarios', () => {
  it('exits 2 and lists the names for an unknown scenario', async () => {
    // Act
    const { code, stderr } = await start('sandbox/cli/run-scenarios.ts', [
      'no-such-scenario',
    ]).ended;

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown scenario 'no-such-scenario'");
    expect(stderr).toContain('healthy, slow-provisioning,');
  });

  it('runs one named scenario and prints its row', async () => {
    // Act
    const { code, stdout } = await start('sandbox/cli/run-scenarios.ts', [
      'account-suspended',
    ]).ended;

    // Assess
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /\n\[ 1\/1\] account-suspended +read > wait 180s > check ACCOUNT_UNAVAILABLE > .* > Needs attention {2}ok/,
    );
    expect(stdout).toMatch(
      /\naccount-suspended +NEEDS_ATTENTION +NEEDS_ATTENTION +ACCOUNT_SUSPENDED +0 +\d+ +\d+\.\d +ok\n/,
    );
    expect(stdout).toContain(
      'Subject: [NEEDS_ATTENTION] ACCOUNT_SUSPENDED: prod (777788889999)',
    );
    expect(stdout).not.toContain('"level"');
  });
});

describe('serve', () => {
  it.each([
    { case: 'a port that is not a number', args: ['--port', 'x'] },
    { case: 'an unknown flag', args: ['--colour'] },
    { case: 'an unknown scenario', args: ['--scenario', 'nope'] },
  ])('exits 2 for $case', async ({ args }) => {
    // Act
    const { code, stderr } = await start('sandbox/cli/serve.ts', args).ended;

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: npm run sandbox');
  });

  it('exits 1 and says so when the port is taken', async () => {
    // Prepare
    const { server, port } = await freePort();

    try {
      // Act
      const { code, stderr } = await start('sandbox/cli/serve.ts', [
        '--port',
        String(port),
      ]).ended;

      // Assess
      expect(code).toBe(1);
      expect(stderr).toContain(
        `Cannot listen on 127.0.0.1:${port}: the port is in use.`,
      );
    } finally {
      server.close();
    }
  });

  it('serves the scenario world until interrupted', async () => {
    // Prepare
    const { server, port } = await freePort();
    await new Promise((resolve) => server.close(resolve));
    const url = `http://127.0.0.1:${port}`;
    const serve = start('sandbox/cli/serve.ts', [
      '--port',
      String(port),
      '--scenario',
      'account-suspended',
    ]);
    const guide = await serve.printed('Ctrl-C stops it.');

    // Act
    const { Instances } = await new SSOAdminClient({
      endpoint: url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    }).send(new ListInstancesCommand({}));
    serve.child.kill('SIGINT');
    const { code } = await serve.ended;

    // Assess
    const instanceArn = Instances?.[0]?.InstanceArn ?? 'none';
    expect(guide).toContain(`export AWS_ENDPOINT_URL=${url}`);
    expect(guide).toContain(
      `aws --endpoint-url ${url} sso-admin list-permission-sets-provisioned-to-account --instance-arn ${instanceArn} --account-id 777788889999`,
    );
    expect(guide).toContain(
      '--account-assignment-creation-request-id 42145d4d-',
    );
    expect(code).toBe(0);
  });
});
