/** A script's entry: its failure printed as one message (no stack for a person at a terminal) and exit status 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
