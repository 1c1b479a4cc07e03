/**
 * What the checkpoint-free crash tests share (test/e2e/checkpoint-free*.test.ts): RAM's writes
 * slowed and counted as they arrive (a proxy in front of the emulator), `pulumi up` killed at
 * random moments with PULUMI_SKIP_CHECKPOINTS=true, and the checks made after the rerun. Call
 * `killedUpdatesSuite` inside `describe`: each test gets a fresh proxy and a random seed
 * (`CRASH_SEED` replays one, see random-crashes.ts).
 */
import { expect } from "chai";
import { CallLogEntry, RamOperationName, RunningEmulator, SeedAccount, ServedOperationName } from "../../emulator";
import { INVITATION_ACCEPTANCE_TYPE_TOKEN, INVITATION_REJECTION_TYPE_TOKEN } from "../../provider";
import type { PulumiHarness } from "../../scripts/pulumi-harness";
import { RequestCounter } from "../e2e/request-counter";
import { RECEIVER } from "./accounts";
import { EndToEndSuite, endToEndSuite } from "./end-to-end-suite";
import { killAtRandom, SeededRandom } from "./random-crashes";
import { expectAnsweredExactlyOnce, StateResource } from "./rejections-in-state";
import { waitUntil } from "./wait-until";

export const REGIONS = ["eu-west-1", "us-east-1"];
export const SKIP_CHECKPOINTS = { PULUMI_SKIP_CHECKPOINTS: "true" };
/** Slow enough writes that each run is killed with some of them in flight. */
const WRITE_LATENCY_MS = 300;
export const PARALLEL = ["--parallel", "4"];

export const REJECT: RamOperationName = "RejectResourceShareInvitation";
export const ACCEPT: RamOperationName = "AcceptResourceShareInvitation";
export const LEAVE: RamOperationName = "DisassociateResourceShare";
const WRITES: readonly ServedOperationName[] = [REJECT, ACCEPT, LEAVE];
/** The REST paths of the writes, as the proxy counts them. */
const WRITE_PATHS = WRITES.map((operation) => `/${operation.toLowerCase()}`);

const PLUGIN_TYPES = {
    [INVITATION_REJECTION_TYPE_TOKEN]: "ram-invitations:index:InvitationRejection",
    [INVITATION_ACCEPTANCE_TYPE_TOKEN]: "ram-invitations:index:InvitationAcceptance",
};

export interface KilledUpdates {
    readonly suite: EndToEndSuite;
    readonly emulator: RunningEmulator;
    /** The proxy every stack must call RAM through (its endpoint), so that writes are counted. */
    readonly proxy: RequestCounter;
    readonly random: SeededRandom;
    /** Gives every RAM write WRITE_LATENCY_MS, so that kills find some in flight. */
    slowWrites(): Promise<void>;
    /** The writes RAM has received so far, answered or not. */
    writesReceived(): number;
    /** Waits until RAM has answered every write it received, the killed run's in-flight ones too. */
    settled(): Promise<void>;
    calls(operation: RamOperationName): Promise<CallLogEntry[]>;
    /** The stack's resources of the dynamic `type`, or of the plugin's type of the same name. */
    resourcesOf(harness: PulumiHarness, type: string): Promise<StateResource[]>;
    /** Kills `pulumi up` `kills` times; each kill leaves the state as it was before the first run. */
    killUps(harness: PulumiHarness, kills: number, writesExpected: number): Promise<void>;
    /** The contract, with the facts a reviewer reads in state: who sent what, and the token. */
    expectChangedOnce(
        calls: CallLogEntry[],
        arns: string[],
        state: StateResource[],
        expected: { status: string; outputs?: string[] },
    ): void;
    /** The sequence number of the last call RAM has answered (0 before any). */
    lastSequence(): Promise<number>;
    /**
     * A policy's summary after the rerun counts what the lost runs (before call `lastBefore`) did
     * as done earlier and what the rerun did as done now, with nothing left pending.
     */
    expectTruthfulSummary(
        summary: unknown,
        answered: { rejected: string[]; accepted: string[] },
        lastBefore: number,
    ): Promise<void>;
    /** A further `up` changes nothing and writes nothing. */
    expectNoChange(harness: PulumiHarness): Promise<void>;
    /**
     * Explicit rejections of `arns` by `harness`'s program: `up` killed four times, then run to
     * the end days later (RAM has forgotten the lost runs' tokens); each rejected once, the state
     * complete, a further `up` with no change.
     */
    explicitRejections(harness: PulumiHarness, arns: string[]): Promise<void>;
    /** `count` pending invitations from `sender` to RECEIVER, spread over REGIONS. */
    seedPending(count: number, sender: SeedAccount, options?: { associationDelayMs?: number }): Promise<string[]>;
}

export function killedUpdatesSuite(): KilledUpdates {
    const suite = endToEndSuite();
    let proxy: RequestCounter;
    let random: SeededRandom;
    beforeEach(async () => {
        random = SeededRandom.fromEnvironment();
        proxy = await RequestCounter.start(suite.emulator.endpoint);
    });
    afterEach(() => proxy.stop());

    const runs: KilledUpdates = {
        suite,
        get emulator() {
            return suite.emulator;
        },
        get proxy() {
            return proxy;
        },
        get random() {
            return random;
        },
        async slowWrites() {
            for (const operation of WRITES) {
                await suite.emulator.admin.setFaults(operation, { latencyMs: WRITE_LATENCY_MS });
            }
        },
        writesReceived() {
            return WRITE_PATHS.reduce((sum, writePath) => sum + proxy.received(writePath), 0);
        },
        async settled() {
            await waitUntil("RAM has answered every write it received", async () => {
                const answered = (await suite.emulator.admin.calls()).filter((c) => WRITES.includes(c.operation));
                return answered.length === runs.writesReceived();
            });
        },
        calls(operation) {
            return suite.emulator.admin.calls({ operation });
        },
        async resourcesOf(harness, type) {
            const { deployment } = await harness.stack.exportStack();
            const types = [type, PLUGIN_TYPES[type as keyof typeof PLUGIN_TYPES]];
            return ((deployment.resources ?? []) as StateResource[]).filter((r) => types.includes(r.type));
        },
        async killUps(harness, kills, writesExpected) {
            const before = (await harness.stack.exportStack()).deployment.resources ?? [];
            const landed = await killAtRandom(harness, {
                random,
                kills,
                start: () => harness.spawnUp(PARALLEL),
                writesReceived: runs.writesReceived,
                writesExpected,
                settled: runs.settled,
                afterKill: async (kill) => {
                    const after = (await harness.stack.exportStack()).deployment.resources ?? [];
                    expect(after, `the state after kill ${kill}`).to.deep.equal(before);
                },
            });
            expect(landed[0]?.writesReceived, "writes received when the first kill came").to.be.greaterThan(0);
        },
        expectChangedOnce(calls, arns, state, expected) {
            const facts = ["clientToken", "senderAccountId", "resourceShareName", ...(expected.outputs ?? [])];
            expectAnsweredExactlyOnce(calls, arns, state, { status: expected.status, facts });
        },
        async lastSequence() {
            return Math.max(0, ...(await suite.emulator.admin.calls()).map((c) => c.sequence));
        },
        async expectTruthfulSummary(summary, answered, lastBefore) {
            const changedNow = async (operation: RamOperationName) =>
                (await runs.calls(operation)).filter((c) => c.sequence > lastBefore && c.stateChanged).length;
            const [rejectedNow, acceptedNow] = [await changedNow(REJECT), await changedNow(ACCEPT)];
            expect(summary).to.deep.include({
                pendingAllowed: 0,
                rejectedNow,
                rejectedEarlier: answered.rejected.length - rejectedNow,
                wouldReject: 0,
                acceptedNow,
                acceptedEarlier: answered.accepted.length - acceptedNow,
                wouldAccept: 0,
            });
        },
        async expectNoChange(harness) {
            const writesBefore = runs.writesReceived();
            const again = await harness.stack.up();
            expect(Object.keys(again.summary.resourceChanges ?? {}), "changes of a further up").to.deep.equal(["same"]);
            expect(runs.writesReceived(), "writes of a further up").to.equal(writesBefore);
        },
        async explicitRejections(harness, arns) {
            await runs.slowWrites();
            await runs.killUps(harness, 4, arns.length);
            // Nothing is sent again: the rerun adopts what its listing shows REJECTED.
            await suite.emulator.admin.forgetClientTokens();
            await harness.stack.up({ parallel: 4 });
            const state = await runs.resourcesOf(harness, INVITATION_REJECTION_TYPE_TOKEN);
            runs.expectChangedOnce(await runs.calls(REJECT), arns, state, { status: "REJECTED" });
            await runs.expectNoChange(harness);
        },
        seedPending(count, sender, options = {}) {
            return suite.emulator.admin.seedPendingInvitations({
                sender,
                receiver: RECEIVER,
                count,
                regions: REGIONS,
                namePrefix: `from-${sender.accountId}`,
                ...options,
            });
        },
    };
    return runs;
}
