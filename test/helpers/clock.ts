import type { Clock } from '../../src/services/support/context.js';

/** A clock the test sets by hand, so deadlines can pass on cue. */
export class TestClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
}
