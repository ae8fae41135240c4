import type { SimulatedClock } from './clock';
import type { RequestStatus, WorldState } from './state';
import type { AccountState, AsyncOperation } from './types';

/** The world as plain JSON, served at `GET /_sandbox/world`. */
export interface WorldSnapshot {
  readonly simulatedSeconds: number;
  readonly instanceArn: string;
  readonly identityStoreId: string;
  readonly accounts: readonly {
    readonly id: string;
    readonly name: string;
    readonly state: AccountState;
    readonly customerManagedPolicies: readonly string[];
  }[];
  readonly permissionSets: readonly {
    readonly name: string;
    readonly arn: string;
    readonly version: number;
    /** Provisioned version by account id. */
    readonly provisioned: Readonly<Record<string, number>>;
  }[];
  readonly assignments: readonly {
    readonly accountId: string;
    readonly permissionSet: string;
    readonly principalType: 'USER' | 'GROUP';
    readonly principalId: string;
  }[];
  readonly groups: readonly {
    readonly name: string;
    readonly id: string;
    readonly members: readonly string[];
  }[];
  readonly requests: readonly {
    readonly kind: AsyncOperation;
    readonly requestId: string;
    readonly status: RequestStatus;
    readonly failureReason?: string;
    readonly accountId?: string;
    readonly permissionSetArn: string;
  }[];
}

export const snapshotOf = (
  state: WorldState,
  clock: SimulatedClock,
): WorldSnapshot => {
  const userName = (id: string) => state.users.get(id)?.userName ?? id;

  return {
    simulatedSeconds: clock.elapsedSeconds(),
    instanceArn: state.instance.arn,
    identityStoreId: state.instance.identityStoreId,
    accounts: [...state.accounts.values()].map((a) => ({
      id: a.id,
      name: a.name,
      state: a.state,
      customerManagedPolicies: [...a.customerManagedPolicies],
    })),
    permissionSets: [...state.permissionSets.values()].map((ps) => {
      const provisioned: Record<string, number> = {};
      for (const [key, version] of state.provisioned) {
        const [psId, accountId] = key.split('|');
        if (psId === ps.id && accountId) {
          provisioned[accountId] = version;
        }
      }

      return { name: ps.name, arn: ps.arn, version: ps.version, provisioned };
    }),
    assignments: state.assignments.map((a) => ({
      accountId: a.accountId,
      permissionSet:
        state.permissionSets.get(a.permissionSetId)?.name ?? a.permissionSetId,
      principalType: a.principalType,
      principalId: a.principalId,
    })),
    groups: [...state.groups.values()].map((g) => ({
      name: g.displayName,
      id: g.id,
      members: [...g.members].map(userName),
    })),
    requests: [...state.requests.values()].map((r) => ({
      kind: r.kind,
      requestId: r.requestId,
      status: r.status,
      failureReason: r.failureReason,
      accountId: r.accountId,
      permissionSetArn: r.permissionSetArn,
    })),
  };
};
