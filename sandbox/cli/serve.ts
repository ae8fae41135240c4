import { parseArgs } from 'node:util';
import { findScenario, type Scenario } from '../scenarios/index';
import { type Sandbox, sampleOrg, startSandbox } from '../server/index';
import { serveGuide } from './serve-guide';

/**
 * `npm run sandbox [-- --port 4566] [--scenario <name>]`: the local AWS
 * endpoint alone, in the foreground, in real time, until Ctrl-C.
 */

const DEFAULT_PORT = 4566;

const USAGE =
  'Usage: npm run sandbox -- [--port <1-65535>] [--scenario <name>]\n' +
  '  --port      where to listen on 127.0.0.1 (default 4566)\n' +
  "  --scenario  start from that scenario's world (default: the sample organization)";

interface Options {
  readonly port: number;
  readonly scenario?: Scenario;
}

/** The options, or the exit code after printing why they are wrong. */
const readOptions = (args: readonly string[]): Options | number => {
  try {
    const { values } = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string', short: 'p' },
        scenario: { type: 'string', short: 's' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }

    const port = Number(values.port ?? DEFAULT_PORT);
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      throw new RangeError(
        `--port must be a whole number from 1 to 65535, received '${values.port}'.`,
      );
    }

    return {
      port,
      scenario:
        values.scenario === undefined
          ? undefined
          : findScenario(values.scenario),
    };
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);

    return 2;
  }
};

const listen = async (options: Options): Promise<Sandbox | number> => {
  try {
    return await startSandbox({
      world: options.scenario?.world ?? sampleOrg(),
      port: options.port,
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      console.error(
        `Cannot listen on 127.0.0.1:${options.port}: ` +
          `${code === 'EADDRINUSE' ? 'the port is in use' : 'permission denied'}. ` +
          'Stop what listens there, or pick another port with --port <n>.',
      );

      return 1;
    }
    throw error;
  }
};

const main = async (): Promise<number | undefined> => {
  const options = readOptions(process.argv.slice(2));
  if (typeof options === 'number') {
    return options;
  }

  const sandbox = await listen(options);
  if (typeof sandbox === 'number') {
    return sandbox;
  }

  console.log(serveGuide(sandbox, options.scenario));
  const stop = (signal: string) => {
    console.log(`\n${signal}: stopping the sandbox.`);
    sandbox.close().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  return undefined;
};

main().then(
  (code) => {
    if (code !== undefined) {
      process.exitCode = code;
    }
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
