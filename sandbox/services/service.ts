import type { ServiceError } from '../protocols/service-error';
import type { StructureSpec, Violation } from '../protocols/validation';
import type { World } from '../world/world';
import type { MessageStore } from './sns-messages';

/** The services the sandbox stands in for, as calls and faults name them. */
export type ServiceName =
  | 'sso-admin'
  | 'organizations'
  | 'identitystore'
  | 'access-analyzer'
  | 'sns';

/** A request's members, untyped on the wire until validated. */
export type OperationInput = Readonly<Record<string, unknown>>;

/** What an operation may use besides its input. */
export interface OperationContext {
  readonly world: World;
  readonly requestId: string;
  readonly messages: MessageStore;
  /** Pages never exceed this many items. */
  readonly pageSizeCap?: number;
  /** CreateAccountAssignment requests allowed in progress at once. */
  readonly maxOutstandingCreations?: number;
}

export interface Operation {
  /** Checked before the handler runs; violations answer as the service does. */
  readonly input?: StructureSpec;
  /** The operation changes the world (counted as a write). */
  readonly write?: boolean;
  readonly handler: (
    input: OperationInput,
    context: OperationContext,
  ) => unknown;
}

/** How a service words the errors the sandbox can raise for any call. */
export interface ServiceErrors {
  readonly validation: (violations: readonly Violation[]) => ServiceError;
  readonly throttling: () => ServiceError;
  readonly conflict: () => ServiceError;
  readonly internal: () => ServiceError;
  readonly accessDenied: (operation: string) => ServiceError;
  readonly unknownOperation: (operation: string) => ServiceError;
}

export interface ServiceDefinition {
  readonly name: ServiceName;
  /** Counts toward Identity Center's collective request rate. */
  readonly identityCenter: boolean;
  readonly operations: Readonly<Record<string, Operation>>;
  readonly errors: ServiceErrors;
}
