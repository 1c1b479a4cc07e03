/**
 * What the benchmarks share: seeding, stacks of the installed root program, call counts, the
 * check that a run rejected what it should, timing, medians, progress.
 */
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { CallLogEntry, clientEnvironment, RunningEmulator, sampleAccounts, SeedAccount } from "../../emulator";
import { projectConfig, PulumiHarness } from "../pulumi-harness";
import type { InstalledProject } from "./installed-package";

/** The RAM operations of a rejection that the benchmarks slow by a set latency. */
const LATENCY_OPERATIONS = ["GetResourceShareInvitations", "RejectResourceShareInvitation"] as const;

/** Makes every RAM call of a rejection (listing and reject) take `latencyMs` more. */
export async function setLatency(emulator: RunningEmulator, latencyMs: number): Promise<void> {
    for (const operation of LATENCY_OPERATIONS) {
        await emulator.admin.setFaults(operation, { latencyMs });
    }
}

/**
 * Empties the emulator for a fresh seed but keeps the faults it has (the run's latency): the
 * emulator's reset clears them with everything else.
 */
export async function resetKeepingFaults(emulator: RunningEmulator): Promise<void> {
    const { faults } = await emulator.admin.state();
    await emulator.admin.reset();
    for (const [operation, operationFaults] of Object.entries(faults)) {
        await emulator.admin.setFaults(operation as keyof typeof faults, operationFaults);
    }
}

/** What to seed: N invitations in one region, and the latency the run that answers them meets. */
export interface SeedOptions {
    n: number;
    region: string;
    /** Each share's association delay, if any. */
    associationDelayMs?: number;
    /** Set again after seeding, since the reset before it clears every fault. */
    latencyMs?: number;
}

/**
 * Resets the emulator and seeds N pending invitations from the sample sender to the sample receiver
 * (each share's association taking `associationDelayMs`, if given); answers their ARNs.
 */
export async function seedPendingInvitations(emulator: RunningEmulator, options: SeedOptions): Promise<string[]> {
    await emulator.admin.reset();
    // Seeded without secret keys: the emulator then skips SigV4 verification, whose CPU (on the
    // same cores as the measured run) is the stand-in's cost, not the library's.
    const withoutSecret = ({ accountId, accessKeyId }: SeedAccount) => ({ accountId, accessKeyId });
    const arns = await emulator.admin.seedPendingInvitations({
        sender: withoutSecret(sampleAccounts.sender),
        receiver: withoutSecret(sampleAccounts.receiver),
        count: options.n,
        regions: [options.region],
        namePrefix: "bench-share",
        associationDelayMs: options.associationDelayMs,
    });
    if (options.latencyMs !== undefined) {
        await setLatency(emulator, options.latencyMs);
    }
    return arns;
}

/**
 * Seeds as {@link seedPendingInvitations} does and writes the ARNs to a file for the benchmark's
 * answer program; answers its path.
 */
export async function seedInvitationsFile(
    emulator: RunningEmulator,
    options: SeedOptions & { stack: string },
): Promise<string> {
    const arns = await seedPendingInvitations(emulator, options);
    const file = path.join(tmpdir(), `ram-invitations-${options.stack}-${process.pid}.json`);
    await writeFile(file, JSON.stringify(arns));
    return file;
}

/** The RAM calls of one phase: GetResourceShareInvitations (reads) and RejectResourceShareInvitation (writes). */
export interface PhaseCalls {
    reads: number;
    writes: number;
}

export function countCalls(calls: CallLogEntry[]): PhaseCalls {
    return {
        reads: calls.filter((c) => c.operation === "GetResourceShareInvitations").length,
        writes: calls.filter((c) => c.operation === "RejectResourceShareInvitation").length,
    };
}

/**
 * A fresh stack of the installed package's root program, `config` its `ram-invitations:*` values
 * by key, run with `as`'s credentials (default: the sample receiver's).
 */
export function installedStack(
    emulator: RunningEmulator,
    project: InstalledProject,
    name: string,
    config: Record<string, unknown>,
    as: SeedAccount = sampleAccounts.receiver,
): Promise<PulumiHarness> {
    return PulumiHarness.create({
        program: project.program,
        project: "ram-invitations",
        stack: name,
        config: projectConfig("ram-invitations", config),
        env: clientEnvironment(emulator.endpoint, { accessKeyId: as.accessKeyId, secretAccessKey: as.secretAccessKey }),
    });
}

/** Throws, naming the `row`, unless the invitations REJECTED in the emulator are exactly `unwanted`. */
export async function expectRejected(emulator: RunningEmulator, unwanted: string[], row: string): Promise<void> {
    const { invitations } = await emulator.admin.state();
    const rejected = invitations.filter((i) => i.status === "REJECTED").map((i) => i.resourceShareInvitationArn);
    if (rejected.length !== unwanted.length || !unwanted.every((arn) => rejected.includes(arn))) {
        throw new Error(
            `${row}: ${rejected.length} invitations rejected, expected exactly the ${unwanted.length} unwanted`,
        );
    }
}

export function progress(message: string): void {
    process.stderr.write(`bench: ${message}\n`);
}

export async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
    const started = process.hrtime.bigint();
    const result = await run();
    return [result, Number(process.hrtime.bigint() - started) / 1e9];
}

export function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
