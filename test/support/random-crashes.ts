/**
 * Random SIGKILLs of a Pulumi operation, for the crash tests of checkpoint-free updates: the
 * operation is started, killed at a random moment, and started again, as many times as asked.
 *
 * The moments are drawn from a seeded generator, so a failing run replays: every failure message
 * starts with `CRASH_SEED=<seed>`, and that variable set for mocha draws the same moments again
 * (the same kills; where each lands still depends on the machine's speed).
 */
import { expect } from "chai";
import { setTimeout as sleep } from "node:timers/promises";
import type { PendingOperation, PulumiHarness, PulumiRun } from "../../scripts/pulumi-harness";

/** A small seeded generator (mulberry32): the same seed draws the same numbers. */
export class SeededRandom {
    private state: number;

    constructor(readonly seed: number) {
        this.state = seed >>> 0;
    }

    /** The seed of CRASH_SEED, or a fresh one. */
    static fromEnvironment(): SeededRandom {
        const given = process.env.CRASH_SEED;
        return new SeededRandom(given ? Number(given) : Math.floor(Math.random() * 2 ** 31));
    }

    /** A number in [0, 1). */
    next(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
    }

    /** A whole number from `low` to `high`, both included. */
    between(low: number, high: number): number {
        return low + Math.floor(this.next() * (high - low + 1));
    }
}

/** Where one kill landed. */
export interface Kill {
    /** The writes RAM had received when the kill came. */
    writesReceived: number;
    /** How long after its start the operation was killed, in milliseconds. */
    afterMs: number;
}

export interface KillPlan {
    random: SeededRandom;
    /** How many times to kill the operation; fewer land when a run finishes before its kill. */
    kills: number;
    /** Starts the operation once more (e.g. `() => harness.spawnUp()`). */
    start: () => PulumiRun;
    /** The write requests RAM has received so far (answered or in flight). */
    writesReceived: () => number;
    /** The write requests the whole operation sends when nothing goes wrong. */
    writesExpected: number;
    /** Resolves once RAM has answered every request it received (the killed run's in-flight ones). */
    settled: () => Promise<void>;
    /** Checks what a kill left behind (e.g. that the state is as before the first run). */
    afterKill?: (kill: number) => Promise<void>;
}

/**
 * Runs the operation of `plan` and kills it `plan.kills` times at random moments: the first once RAM
 * has received a random number of the writes, each later one either (one in four) at a random time
 * from its start (the program may still be listing) or once RAM has received a random number of the
 * writes still to come, and then up to 300 ms later, so that some writes are in flight. After each
 * kill it releases the lock (`recoverFromCrash`) and checks that the killed run left no pending
 * operation in the checkpoint. Answers the kills that landed; stops early when a
 * run finishes first, and fails when one fails.
 */
export async function killAtRandom(harness: PulumiHarness, plan: KillPlan): Promise<Kill[]> {
    const kills: Kill[] = [];
    for (let attempt = 1; attempt <= plan.kills; attempt++) {
        const run = plan.start();
        const startedAt = Date.now();
        let exitCode: number | null | undefined;
        // A CLI that could not start counts as a run that failed (null): the check below says so.
        void run.exited.then(
            (code) => (exitCode = code),
            () => (exitCode = null),
        );
        const received = plan.writesReceived();
        const remaining = plan.writesExpected - received;
        // The first kill always comes among the writes, so that a lost run has done some; the
        // others spread over what is left (each within twice its even share of it).
        const byTime = remaining < 2 || (attempt > 1 && plan.random.next() < 0.25);
        const share = Math.ceil((2 * remaining) / (plan.kills - attempt + 2));
        const target = byTime
            ? 0
            : plan.random.between(received + 1, Math.min(received + share, plan.writesExpected - 1));
        const deadline = byTime ? startedAt + plan.random.between(0, 6_000) : Date.now() + 120_000;
        while (exitCode === undefined && (byTime ? Date.now() < deadline : plan.writesReceived() < target)) {
            if (Date.now() > deadline) {
                throw new Error(`no ${target}th write within 2 minutes:\n${run.output()}`);
            }
            await sleep(10);
        }
        if (!byTime) {
            await sleep(plan.random.between(0, 300));
        }
        if (exitCode !== undefined) {
            expect(exitCode, `run ${attempt} finished before its kill:\n${run.output()}`).to.equal(0);
            return kills;
        }
        kills.push({ writesReceived: plan.writesReceived(), afterMs: Date.now() - startedAt });
        await run.crash();
        await plan.settled();
        const pending: PendingOperation[] = await harness.recoverFromCrash();
        expect(pending, `pending operations after kill ${attempt}`).to.deep.equal([]);
        await plan.afterKill?.(attempt);
    }
    return kills;
}

/** Runs `test`; a failure's message starts with the seed that replays it. */
export async function withSeed(random: SeededRandom, test: () => Promise<void>): Promise<void> {
    try {
        await test();
    } catch (error) {
        if (error instanceof Error) {
            error.message = `CRASH_SEED=${random.seed}: ${error.message}`;
        }
        throw error;
    }
}
