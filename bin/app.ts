import { App } from 'aws-cdk-lib';
import { AssignmentHealerStack } from '../lib/assignment-healer-stack';
import { readHealerConfig } from '../lib/config';
import { HealerConfigError } from '../lib/errors';
import { addNagChecks } from '../lib/nag';

const app = new App();

try {
  new AssignmentHealerStack(app, 'AssignmentHealer', {
    ...readHealerConfig(app.node),
  });
} catch (error) {
  // A configuration mistake is the deployer's to fix: say what, not where.
  if (!(error instanceof HealerConfigError)) {
    throw error;
  }
  console.error(error.message);
  process.exit(1);
}

addNagChecks(app);
