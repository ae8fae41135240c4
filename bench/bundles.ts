/**
 * Bundles every function exactly as `cdk deploy` would (the stack's own
 * esbuild settings, through a real synth), then prints per function the
 * bundle size and the cold import time: the median wall time of fresh
 * `node` processes that load the bundle, beside a bare `node` start
 * measured in the same run.
 *
 * Usage: npm run bench [-- --runs 15]
 * Goals: every bundle at most 300 KB; cold import at most 2x a bare start.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { App } from 'aws-cdk-lib';
import { SETTING_NAMES } from '../lambdas/core/settings';
import { AssignmentHealerStack } from '../lib/assignment-healer-stack';

const SIZE_GOAL_BYTES = 300 * 1024;
const IMPORT_GOAL_RATIO = 2;

interface Bundle {
  readonly step: string;
  readonly file: string;
}

const parseRuns = (): number => {
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Number(process.argv[at + 1]) : 15;
  if (!Number.isInteger(runs) || runs < 10) {
    throw new Error(`--runs must be a whole number of at least 10`);
  }

  return runs;
};

/** Synthesizes the real stack with bundling on; returns each bundle. */
const bundleFunctions = (outdir: string): Bundle[] => {
  const app = new App({ outdir });
  new AssignmentHealerStack(app, 'AssignmentHealer', {
    instanceArn: 'arn:aws:sso:::instance/ssoins-0123456789abcdef',
  });
  const assembly = app.synth();
  const stack = assembly.getStackByName('AssignmentHealer');
  const resources = stack.template.Resources as Record<
    string,
    {
      Type: string;
      Properties?: {
        Code?: { S3Key?: string };
        Environment?: { Variables?: Record<string, string> };
      };
    }
  >;

  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::Lambda::Function')
    .map((r) => ({
      step: r.Properties?.Environment?.Variables?.[SETTING_NAMES.step] ?? '?',
      // The asset's key is `<hash>.zip`; its folder is `asset.<hash>`.
      file: join(
        outdir,
        `asset.${(r.Properties?.Code?.S3Key ?? '').replace(/\.zip$/, '')}`,
        'index.js',
      ),
    }))
    .sort((a, b) => a.step.localeCompare(b.step));
};

/** Median wall milliseconds of `runs` fresh node processes. */
const medianStartMs = (args: string[], runs: number): number => {
  const times: number[] = [];
  // One unmeasured run warms the file cache.
  spawnSync(process.execPath, args);
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) {
      throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
    }
    times.push(elapsed);
  }
  times.sort((a, b) => a - b);

  return times[Math.floor(times.length / 2)] ?? Number.NaN;
};

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

const main = (): void => {
  const runs = parseRuns();
  const outdir = mkdtempSync(join(tmpdir(), 'healer-bench-'));
  try {
    process.stdout.write('bundling the functions through cdk synth...\n');
    const bundles = bundleFunctions(outdir);
    const bare = medianStartMs(['-e', '0'], runs);
    process.stdout.write(
      `bare node start: ${bare.toFixed(1)} ms (median of ${runs} processes, ` +
        `node ${process.version})\n\n`,
    );

    const header = ['function', 'bundle', 'gzip', 'cold import', 'x bare'];
    const rows = bundles.map(({ step, file }) => {
      const size = statSync(file).size;
      const gzip = gzipSync(readFileSync(file)).length;
      const load = `require(${JSON.stringify(file)})`;
      const imported = medianStartMs(['-e', load], runs);
      const ratio = imported / bare;
      const flags = [
        size > SIZE_GOAL_BYTES ? 'over size goal' : '',
        ratio > IMPORT_GOAL_RATIO ? 'over import goal' : '',
      ].filter(Boolean);

      return [
        step,
        kb(size),
        kb(gzip),
        `${imported.toFixed(1)} ms`,
        `${ratio.toFixed(2)}${flags.length ? ` (${flags.join(', ')})` : ''}`,
      ];
    });

    const widths = header.map((h, i) =>
      Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)),
    );
    const line = (cells: string[]): string =>
      cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
    process.stdout.write(`${line(header)}\n`);
    for (const row of rows) {
      process.stdout.write(`${line(row)}\n`);
    }
    process.stdout.write(
      `\ngoals: bundle <= ${kb(SIZE_GOAL_BYTES)}, ` +
        `cold import <= ${IMPORT_GOAL_RATIO}x bare start\n`,
    );
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
};

main();
