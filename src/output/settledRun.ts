/**
 * What output/ turns into tables: a settlement, what was read to make it, and the record of the
 * run. Declared here, where it is rendered; src/run/ is what makes one.
 */
import type { Settlement } from '../core/model';
import type { policyToJson } from '../input/policyReader';
import type { InputsRead } from '../input/readInputs';

export interface RunRecord {
  policy: ReturnType<typeof policyToJson>;
  inputSha256: string;
  generatedAt: string;
  user: string;
}

export interface SettlementRun {
  settlement: Settlement;
  read: InputsRead;
  /** What finance needs to reproduce the run: policy, input hash, when, by whom. */
  record: RunRecord;
}

