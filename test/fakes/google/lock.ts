/**
 * LockService with a document lock that really excludes a second holder. Apps Script runs
 * each server call as its own execution; here an execution is a name ("sidebar-1"), and each
 * gets its own LockService from `lockServiceFor(name)`. Node runs one call at a time, so a
 * waiter cannot see the holder finish on its own: waitLock either gets the lock, or lets the
 * `onContention` hook act (a test can release the holder there, as if it finished meanwhile),
 * or moves the fake clock past its timeout and throws Apps Script's own message.
 */

import { CallLog } from './calls';
import type { Checked } from './checked';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

export class DocumentLockState {
  holder: string | null = null;
  /** Virtual milliseconds spent waiting, so tests can see that a caller waited its full timeout. */
  waitedMs = 0;
  /** Called once per contended tryLock/waitLock with the waiting and holding executions. */
  onContention: ((waiter: string, holder: string) => void) | null = null;
}

export class FakeLock implements Checked<GoogleAppsScript.Lock.Lock, 'hasLock' | 'tryLock' | 'waitLock' | 'releaseLock'> {
  constructor(
    readonly _state: DocumentLockState,
    readonly _execution: string,
    readonly _calls: CallLog = new CallLog(),
  ) {}

  hasLock(): boolean {
    this._calls.count('Lock.hasLock');
    return this._state.holder === this._execution;
  }

  tryLock(timeoutInMillis: number): boolean {
    this._calls.count('Lock.tryLock');
    return this._try(timeoutInMillis);
  }

  private _try(timeoutInMillis: number): boolean {
    const state = this._state;
    if (state.holder === null || state.holder === this._execution) {
      state.holder = this._execution;
      return true;
    }
    if (state.onContention) state.onContention(this._execution, state.holder);
    if (state.holder === null) {
      state.holder = this._execution;
      return true;
    }
    state.waitedMs += Math.max(0, Number(timeoutInMillis) || 0);
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    this._calls.count('Lock.waitLock');
    if (!this._try(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }

  releaseLock(): void {
    this._calls.count('Lock.releaseLock');
    if (this._state.holder === this._execution) this._state.holder = null;
  }
}

/** Each kind of lock is its own mutual exclusion; the document lock is the one the add-on uses. */
export interface LockStates {
  document: DocumentLockState;
  script: DocumentLockState;
}

export function createLockService(states: LockStates, execution: string, calls: CallLog) {
  const service: Checked<GoogleAppsScript.Lock.LockService, 'getDocumentLock' | 'getScriptLock'> = {
    getDocumentLock: () => new FakeLock(states.document, execution, calls),
    getScriptLock: () => new FakeLock(states.script, execution, calls),
  };
  return service;
}
