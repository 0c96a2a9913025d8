/**
 * A very small test runner for code that runs inside VS Code, so the suite needs no test
 * framework: tests run in order, each with a time limit, and the run fails if any test failed.
 */
export interface Test {
  name: string;
  run(): Promise<void>;
}

const TEST_TIME_LIMIT_MS = 30_000;

function withTimeLimit<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} seconds`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

export async function runAll(tests: Test[]): Promise<void> {
  const failures: string[] = [];
  for (const test of tests) {
    try {
      await withTimeLimit(test.run(), TEST_TIME_LIMIT_MS, test.name);
      console.log(`  ✓ ${test.name}`);
    } catch (error) {
      console.log(`  ✗ ${test.name}\n    ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      failures.push(test.name);
    }
  }
  console.log(`${tests.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length) throw new Error(`${failures.length} VS Code test(s) failed: ${failures.join('; ')}`);
}

export { withTimeLimit };
