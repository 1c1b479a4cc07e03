/**
 * The emulator's clock: real time plus an offset that tests move forward, so a seven-day
 * invitation expiry takes one admin call instead of a week.
 */

/** A time in milliseconds since the epoch as ISO 8601, as the admin API and the call log show times. */
export function isoTime(ms: number): string {
    return new Date(ms).toISOString();
}

export class Clock {
    constructor(private offset = 0) {}

    /** Milliseconds since the epoch, on the emulator's clock. */
    now(): number {
        return Date.now() + this.offset;
    }

    /** The emulator's time now, ISO 8601. */
    isoNow(): string {
        return isoTime(this.now());
    }

    /** How far the clock is ahead of real time, in milliseconds. */
    get offsetMs(): number {
        return this.offset;
    }

    /** Moves the clock forward; it never goes back, as AWS's clock never does. */
    advance(ms: number): void {
        if (!Number.isFinite(ms) || ms < 0) {
            throw new RangeError("the clock only moves forward by a finite number of ms");
        }
        this.offset += ms;
    }

    /** Back to real time. */
    reset(): void {
        this.offset = 0;
    }
}
