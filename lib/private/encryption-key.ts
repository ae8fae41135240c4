import { Aws } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

/**
 * The customer managed key of the stack. It encrypts the report topic and
 * the log groups, so its policy lets two services in:
 * - CloudWatch Logs, for log groups of this account and Region only;
 * - CloudWatch alarms, which publish to the encrypted topic. AWS managed
 *   keys cannot grant that, and without it alarm notifications are
 *   dropped without a trace (SNS developer guide, "Enable compatibility
 *   between event sources from AWS services and encrypted topics").
 */
export const createEncryptionKey = (scope: Construct, id: string): Key => {
  const key = new Key(scope, id, {
    description: 'Assignment Healer: encrypts the report topic and the logs',
    enableKeyRotation: true,
  });

  key.addToResourcePolicy(
    new PolicyStatement({
      sid: 'AllowCloudWatchLogsOfThisAccount',
      principals: [new ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
      actions: [
        'kms:Encrypt*',
        'kms:Decrypt*',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:Describe*',
      ],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:*`,
        },
      },
    }),
  );

  key.addToResourcePolicy(
    new PolicyStatement({
      sid: 'AllowCloudWatchAlarmsToPublish',
      principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
    }),
  );

  return key;
};
