import {
  ValidatePolicyCommand,
  type ValidatePolicyFinding,
} from '@aws-sdk/client-accessanalyzer';
import { PublishCommand } from '@aws-sdk/client-sns';
import {
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListCustomerManagedPolicyReferencesInPermissionSetCommand,
  ListManagedPoliciesInPermissionSetCommand,
} from '@aws-sdk/client-sso-admin';
import type { AwsMocks, Faulted } from './aws-mocks';

/** The policies of the permission set, and the answers of the report. */

export const REPORT_MESSAGE_ID = 'b1946ac9-2d8f-5e37-9c59-0f4c8a3b3c11';

/** What "Validate policies" finds; every member has a default. */
export interface PolicyWorld {
  /** @default no inline policy */
  readonly inlinePolicy?: string;
  /** @default ReadOnlyAccess */
  readonly managedPolicyArns?: readonly string[];
  /** @default none */
  readonly customerManagedPolicies?: readonly {
    readonly name: string;
    readonly path: string;
  }[];
  /** What IAM Access Analyzer `ValidatePolicy` finds. */
  readonly findings?: readonly ValidatePolicyFinding[];
}

/** Answers the reads of "Validate policies" and the report's Publish. */
export const answerPolicies = (
  mocks: AwsMocks,
  world: PolicyWorld,
  faulted: Faulted,
): void => {
  const sso = mocks.ssoAdmin;
  sso.on(GetInlinePolicyForPermissionSetCommand).callsFake(
    faulted(GetInlinePolicyForPermissionSetCommand, () => ({
      InlinePolicy: world.inlinePolicy ?? '',
    })),
  );
  sso.on(ListManagedPoliciesInPermissionSetCommand).callsFake(
    faulted(ListManagedPoliciesInPermissionSetCommand, () => ({
      AttachedManagedPolicies: (
        world.managedPolicyArns ?? ['arn:aws:iam::aws:policy/ReadOnlyAccess']
      ).map((Arn) => ({ Arn, Name: Arn.split('/').pop() })),
    })),
  );
  sso.on(ListCustomerManagedPolicyReferencesInPermissionSetCommand).callsFake(
    faulted(ListCustomerManagedPolicyReferencesInPermissionSetCommand, () => ({
      CustomerManagedPolicyReferences: (
        world.customerManagedPolicies ?? []
      ).map((policy) => ({ Name: policy.name, Path: policy.path })),
    })),
  );
  sso
    .on(GetPermissionsBoundaryForPermissionSetCommand)
    .callsFake(
      faulted(GetPermissionsBoundaryForPermissionSetCommand, () => ({})),
    );

  mocks.accessAnalyzer.on(ValidatePolicyCommand).callsFake(
    faulted(ValidatePolicyCommand, () => ({
      findings: [...(world.findings ?? [])],
    })),
  );

  mocks.sns
    .on(PublishCommand)
    .callsFake(
      faulted(PublishCommand, () => ({ MessageId: REPORT_MESSAGE_ID })),
    );
};
