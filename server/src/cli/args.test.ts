import { describe, expect, it } from 'vitest';
import { defaultJobs } from './args';

describe('the default number of jobs', () => {
  it('leaves one core for the runtime, and never goes below one thread', () => {
    expect(defaultJobs(1)).toBe(1);
    expect(defaultJobs(2)).toBe(1);
    expect(defaultJobs(8)).toBe(7);
  });
});
