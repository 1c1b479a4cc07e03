/**
 * A small seeded pseudo-random generator (mulberry32), so probabilistic faults replay the
 * same way for the same seed. Not for anything secret.
 */
export class SeededRandom {
    private state: number;

    constructor(readonly seed: number) {
        this.state = seed >>> 0;
    }

    /** A number in [0, 1). */
    next(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }

    /** Starts the sequence over from the seed. */
    restart(): void {
        this.state = this.seed >>> 0;
    }
}
