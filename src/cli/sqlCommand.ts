/**
 * `gmv-settle sql`: the settlement as SQL for DuckDB or BigQuery, from the same policy file and
 * --coefficient as a settlement, printed (or written to --out) for a data team to review.
 */
import { settlementScript } from '../sql/settlementSql';
import { SqlNameError } from '../sql/dialect';
import { SqlPolicyError } from '../sql/context';
import { UsageError, type SqlRequest } from './args';
import { writeOutput } from './output';
import { loadPolicy } from './settleFiles';
import { policyChanges } from '../run/reSettle';
import { decodeText } from '../files/decode';
import { readBytes } from './readFile';

/** --previous-policy: a policy file's JSON, as the run record keeps it. */
async function previousPolicyJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(decodeText(await readBytes('--previous-policy', path)));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--previous-policy ${path} is not valid JSON: ${(error as Error).message}`, `--previous-policy ${path} 不是有效的 JSON：${(error as Error).message}`);
  }
}

/** The SQL of a request; a table name or a policy the SQL cannot hold is a usage error. */
export function scriptOrUsageError<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof SqlNameError || error instanceof SqlPolicyError) throw new UsageError(error.message);
    throw error;
  }
}

export async function printSql(request: SqlRequest): Promise<void> {
  const policy = await loadPolicy({ ...request, history: '', campaign: '', targets: request.tables.targets });
  // The typed tables of the SQL's contract: refund_amount in both when the policy subtracts refunds.
  const net = policy.gmvBasis === 'net_of_refunds';
  const previousPolicyDiffers = request.previousPolicy ? policyChanges(await previousPolicyJson(request.previousPolicy), policy).length > 0 : false;
  const script = scriptOrUsageError(() =>
    settlementScript(policy, {
      dialect: request.dialect,
      tables: request.tables as { history: string; campaign: string; targets?: string; holds?: string; previous?: string },
      columns: {
        history: { refundAmount: net },
        campaign: { merchantName: true, adSpend: true, refundAmount: net },
        ...(request.tables.targets ? { targets: { tiers: [1, 2, 3] } } : {}),
      },
      language: request.language,
      destination: request.destination,
      previousPolicyDiffers,
    }),
  );
  await writeOutput({ out: request.out } as Parameters<typeof writeOutput>[0], script);
}
