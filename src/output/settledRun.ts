/**
 * What output/ turns into tables: a settlement, what was read to make it, and the record of the
 * run. Declared here, where it is rendered; src/run/ is what makes one.
 */
import type { Settlement } from '../core/model';
import type { TrueUp } from '../core/trueUp';
import type { policyToJson } from '../input/policyReader';
import type { InputsRead } from '../input/readInputs';

export interface RunRecord {
  policy: ReturnType<typeof policyToJson>;
  inputSha256: string;
  generatedAt: string;
  user: string;
  /** SPEC §7: the campaign the run belongs to and its number there (absent for a run outside any campaign). */
  campaign?: string;
  runNumber?: number;
}

export interface SettlementRun {
  settlement: Settlement;
  read: InputsRead;
  /** What finance needs to reproduce the run: policy, input hash, when, by whom. */
  record: RunRecord;
  /** SPEC §7: the true-up against the previous approved run, and which run that was. */
  trueUp?: TrueUp;
  previous?: { inputSha256: string; generatedAt: string; run?: number };
}

