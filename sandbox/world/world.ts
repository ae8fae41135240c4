import { buildWorld } from './build-world';
import type { SimulatedClock } from './clock';
import {
  accountOf,
  assignmentOf,
  permissionSetOf,
  principalOf,
} from './lookup';
import { completeRequest, submitRequest } from './requests';
import type { AsyncRequest, WorldState } from './state';
import type { PrincipalRef, WorldChange, WorldDefinition } from './types';
import { applyChange } from './world-changes';
import { snapshotOf, type WorldSnapshot } from './world-snapshot';

/**
 * The live organization the sandbox serves. Time-driven changes (request
 * completions, scripted events, account activations) happen lazily: every
 * read first calls {@link World.settle}, which applies all that is due, in
 * time order, so the outcome of a request depends on the world as it is
 * when the request completes.
 */
export class World {
  public readonly definition: WorldDefinition;

  public readonly clock: SimulatedClock;

  private current: WorldState;

  public constructor(definition: WorldDefinition, clock: SimulatedClock) {
    this.definition = definition;
    this.clock = clock;
    this.current = this.build();
  }

  /** The state after everything due by now has happened. */
  public get state(): WorldState {
    this.settle();

    return this.current;
  }

  public get instanceArn(): string {
    return this.current.instance.arn;
  }

  public get identityStoreId(): string {
    return this.current.instance.identityStoreId;
  }

  /** The ARN of a permission set, by name. */
  public permissionSetArn(name: string): string {
    return permissionSetOf(this.current, name).arn;
  }

  /** The id of an account, by name or id. */
  public accountId(ref: string): string {
    return accountOf(this.current, ref).id;
  }

  /** The identity store id of a user or group, by name. */
  public principalId(ref: PrincipalRef): string {
    return principalOf(this.current, ref).id;
  }

  /** An asynchronous request by id, as it is now. */
  public request(requestId: string): AsyncRequest | undefined {
    return this.state.requests.get(requestId);
  }

  /** Simulated milliseconds since start. */
  public nowMs(): number {
    return this.clock.elapsedMs();
  }

  /** Applies every request completion and scripted event that is due. */
  public settle(): void {
    const now = this.clock.elapsedMs();
    const state = this.current;

    for (;;) {
      let due: AsyncRequest | undefined;
      for (const request of state.requests.values()) {
        const earlier = !due || request.completesMs < due.completesMs;
        if (
          request.status === 'IN_PROGRESS' &&
          request.completesMs <= now &&
          earlier
        ) {
          due = request;
        }
      }
      const event = state.pendingEvents[0];
      const eventMs = event ? event.atSeconds * 1000 : Number.POSITIVE_INFINITY;

      if (event && eventMs <= now && (!due || eventMs <= due.completesMs)) {
        state.pendingEvents.shift();
        applyChange(state, event);
      } else if (due) {
        completeRequest(state, due);
      } else {
        return;
      }
    }
  }

  /** Changes the world now, as a scripted event would. */
  public apply(change: WorldChange): void {
    this.settle();
    applyChange(this.current, change);
  }

  /** A plain JSON view of the world, for people and assertions. */
  public snapshot(): WorldSnapshot {
    return snapshotOf(this.state, this.clock);
  }

  /** Rebuilds the world from its definition. */
  public reset(): void {
    this.current = this.build();
  }

  private build(): WorldState {
    const state = buildWorld(this.definition, this.clock.nowEpochMs());

    for (const creation of this.definition.creationRequests ?? []) {
      const { record, ps } = assignmentOf(state, creation);
      submitRequest(
        state,
        'ASSIGNMENT_CREATION',
        {
          permissionSetArn: ps.arn,
          accountId: record.accountId,
          principalType: record.principalType,
          principalId: record.principalId,
        },
        this.clock.elapsedMs(),
        creation.requestId,
      );
    }

    return state;
  }
}
