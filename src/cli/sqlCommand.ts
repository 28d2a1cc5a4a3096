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
  const script = scriptOrUsageError(() =>
    settlementScript(policy, {
      dialect: request.dialect,
      tables: request.tables as { history: string; campaign: string; targets?: string },
      columns: request.tables.targets ? { targets: { tiers: [1, 2, 3] } } : undefined,
      language: request.language,
      destination: request.destination,
    }),
  );
  await writeOutput({ out: request.out } as Parameters<typeof writeOutput>[0], script);
}
