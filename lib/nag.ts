import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

/**
 * Runs the AWS Solutions rules of cdk-nag at every synth of the app. An
 * unacknowledged error fails the synth; every finding, acknowledged or
 * not, is written to `validation-report.json` in the cloud assembly. Each
 * acknowledgement sits next to the construct it concerns, with its reason.
 */
export const addNagChecks = (app: App): void => {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
};
