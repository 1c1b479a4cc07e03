/**
 * Checkpoint-free updates (`PULUMI_SKIP_CHECKPOINTS=true`: the engine writes the state only when an
 * operation ends) killed at random moments, on the real CLI against the emulator. A killed run
 * leaves the state as it was, so its rerun declares again everything the lost run did; the client
 * tokens and the adoption of what RAM already shows answered make that rerun converge, with every
 * invitation changed exactly once. Each case kills its operation several times (see
 * random-crashes.ts; `CRASH_SEED` replays the moments), then runs it to the end and checks:
 * every invitation answered as declared and changed once, no IdempotentParameterMismatch, the
 * state complete (every declared resource, with its token and facts), a further `up` with no
 * change, and, for a policy, a summary that counts what a lost run did as done earlier.
 *
 * Cases: explicit rejections (the root program, and the plugin through its TypeScript SDK),
 * acceptances with a slow association followed by a killed destroy that leaves the shares (both
 * shells), a policy that rejects and accepts, and a fleet reached through roles.
 */
import { expect } from "chai";
import * as path from "node:path";
import { CallLogEntry, clientEnvironment, RamOperationName, RunningEmulator, SeedAccount } from "../../emulator";
import { INVITATION_ACCEPTANCE_TYPE_TOKEN, INVITATION_REJECTION_TYPE_TOKEN } from "../../provider";
import { PulumiHarness } from "../../scripts/pulumi-harness";
import { HUB, OTHER, RECEIVER, SENDER } from "../support/accounts";
import { endToEndSuite } from "../support/end-to-end-suite";
import { killAtRandom, SeededRandom, withSeed } from "../support/random-crashes";
import { arnOf, expectAnsweredExactlyOnce, StateResource } from "../support/rejections-in-state";
import { waitUntil } from "../support/wait-until";
import { RequestCounter } from "./request-counter";

const ANSWERS_PROGRAM = path.join(__dirname, "fixtures", "answers", "index.ts");
const REGIONS = ["eu-west-1", "us-east-1"];
const SKIP_CHECKPOINTS = { PULUMI_SKIP_CHECKPOINTS: "true" };
/** Slow enough writes that each run is killed with some of them in flight. */
const WRITE_LATENCY_MS = 300;
const PARALLEL = ["--parallel", "4"];

const REJECT: RamOperationName = "RejectResourceShareInvitation";
const ACCEPT: RamOperationName = "AcceptResourceShareInvitation";
const LEAVE: RamOperationName = "DisassociateResourceShare";
const WRITES: RamOperationName[] = [REJECT, ACCEPT, LEAVE];
/** The REST paths of the writes, as the proxy counts them. */
const WRITE_PATHS = WRITES.map((operation) => `/${operation.toLowerCase()}`);

const PLUGIN_TYPES = {
    [INVITATION_REJECTION_TYPE_TOKEN]: "ram-invitations:index:InvitationRejection",
    [INVITATION_ACCEPTANCE_TYPE_TOKEN]: "ram-invitations:index:InvitationAcceptance",
};

describe("checkpoint-free updates killed at random moments, end to end", function () {
    this.timeout(20 * 60_000);
    const suite = endToEndSuite();
    let emulator: RunningEmulator;
    let proxy: RequestCounter;
    let random: SeededRandom;
    before(() => (emulator = suite.emulator));

    beforeEach(async () => {
        random = SeededRandom.fromEnvironment();
        proxy = await RequestCounter.start(emulator.endpoint);
    });

    afterEach(() => proxy.stop());

    async function slowWrites(): Promise<void> {
        for (const operation of WRITES) {
            await emulator.admin.setFaults(operation, { latencyMs: WRITE_LATENCY_MS });
        }
    }

    function writesReceived(): number {
        return WRITE_PATHS.reduce((sum, writePath) => sum + proxy.received(writePath), 0);
    }

    /** Waits until RAM has answered every write it received, the killed run's in-flight ones too. */
    async function settled(): Promise<void> {
        await waitUntil("RAM has answered every write it received", async () => {
            const answered = (await emulator.admin.calls()).filter((c) => WRITES.includes(c.operation));
            return answered.length === writesReceived();
        });
    }

    async function calls(operation: RamOperationName): Promise<CallLogEntry[]> {
        return emulator.admin.calls({ operation });
    }

    async function resourcesOf(harness: PulumiHarness, type: string): Promise<StateResource[]> {
        const { deployment } = await harness.stack.exportStack();
        const types = [type, PLUGIN_TYPES[type as keyof typeof PLUGIN_TYPES]];
        return ((deployment.resources ?? []) as StateResource[]).filter((r) => types.includes(r.type));
    }

    /** Kills `pulumi up` `kills` times; each kill leaves the state as it was before the first run. */
    async function killUps(harness: PulumiHarness, kills: number, writesExpected: number): Promise<void> {
        const before = (await harness.stack.exportStack()).deployment.resources ?? [];
        const landed = await killAtRandom(harness, {
            random,
            kills,
            start: () => harness.spawnUp(PARALLEL),
            writesReceived,
            writesExpected,
            settled,
            afterKill: async (kill) => {
                const after = (await harness.stack.exportStack()).deployment.resources ?? [];
                expect(after, `the state after kill ${kill}`).to.deep.equal(before);
            },
        });
        expect(landed[0]?.writesReceived, "writes received when the first kill came").to.be.greaterThan(0);
    }

    /** The contract, with the facts a reviewer reads in state: who sent what, and the token. */
    function expectChangedOnce(
        calls: CallLogEntry[],
        arns: string[],
        state: StateResource[],
        expected: { status: string; outputs?: string[] },
    ): void {
        const facts = ["clientToken", "senderAccountId", "resourceShareName", ...(expected.outputs ?? [])];
        expectAnsweredExactlyOnce(calls, arns, state, { status: expected.status, facts });
    }

    async function expectNoChange(harness: PulumiHarness): Promise<void> {
        const writesBefore = writesReceived();
        const again = await harness.stack.up();
        expect(Object.keys(again.summary.resourceChanges ?? {}), "changes of a further up").to.deep.equal(["same"]);
        expect(writesReceived(), "writes of a further up").to.equal(writesBefore);
    }

    function answersStack(
        arns: string[],
        answer: "reject" | "accept",
        shell: "dynamic" | "plugin",
    ): Promise<PulumiHarness> {
        return suite.stack({
            program: ANSWERS_PROGRAM,
            project: "answers",
            config: {
                "answers:invitationArns": { value: JSON.stringify(arns) },
                "answers:answer": { value: answer },
                "answers:shell": { value: shell },
                "answers:leaveShareOnDelete": { value: "true" },
            },
            env: { ...clientEnvironment(proxy.endpoint, RECEIVER), ...SKIP_CHECKPOINTS },
        });
    }

    function seedPending(count: number, sender: SeedAccount, options: { associationDelayMs?: number } = {}) {
        return emulator.admin.seedPendingInvitations({
            sender,
            receiver: RECEIVER,
            count,
            regions: REGIONS,
            namePrefix: `from-${sender.accountId}`,
            ...options,
        });
    }

    async function explicitRejections(harness: PulumiHarness, arns: string[]): Promise<void> {
        await slowWrites();
        await killUps(harness, 4, arns.length);
        // Long enough after the lost runs for RAM to have forgotten their tokens: nothing is sent
        // again, as the rerun adopts what its listing shows REJECTED.
        await emulator.admin.forgetClientTokens();
        await harness.stack.up({ parallel: 4 });
        expectChangedOnce(await calls(REJECT), arns, await resourcesOf(harness, INVITATION_REJECTION_TYPE_TOKEN), {
            status: "REJECTED",
        });
        await expectNoChange(harness);
    }

    it("explicit rejections of the root program: each rejected once, the state complete", () =>
        withSeed(random, async () => {
            const arns = await seedPending(24, SENDER);
            const rejections = Object.fromEntries(
                arns.map((invitationArn, i) => [`decline-${i + 1}`, { invitationArn }]),
            );
            const harness = await suite.rootStack(rejections, { endpoint: proxy.endpoint, env: SKIP_CHECKPOINTS });
            await explicitRejections(harness, arns);
        }));

    it("explicit rejections of the plugin (TypeScript SDK): each rejected once, the state complete", () =>
        withSeed(random, async () => {
            const arns = await seedPending(24, SENDER);
            await explicitRejections(await answersStack(arns, "reject", "plugin"), arns);
        }));

    for (const shell of ["dynamic", "plugin"] as const) {
        it(`acceptances (${shell}) with a slow association, then a destroy that leaves: each once`, () =>
            withSeed(random, async () => {
                const arns = await seedPending(12, SENDER, { associationDelayMs: 1_500 });
                const harness = await answersStack(arns, "accept", shell);
                await slowWrites();
                await killUps(harness, 3, arns.length);
                await harness.stack.up({ parallel: 4 });
                const acceptances = await resourcesOf(harness, INVITATION_ACCEPTANCE_TYPE_TOKEN);
                expectChangedOnce(await calls(ACCEPT), arns, acceptances, {
                    status: "ACCEPTED",
                    outputs: ["resourceShareArn", "sharedResources", "acceptedAt"],
                });
                acceptances.forEach((a) => expect(a.outputs?.associationStatus, a.id).to.equal("ASSOCIATED"));
                await expectNoChange(harness);

                // A killed destroy writes nothing either: the rerun leaves again what a lost run left.
                const shares = acceptances.map((a) => a.outputs?.resourceShareArn as string);
                const full = (await harness.stack.exportStack()).deployment.resources;
                const landed = await killAtRandom(harness, {
                    random,
                    kills: 3,
                    start: () => harness.spawnDestroy(PARALLEL),
                    writesReceived,
                    writesExpected: writesReceived() + shares.length,
                    settled,
                    afterKill: async (kill) => {
                        const after = (await harness.stack.exportStack()).deployment.resources;
                        expect(after, `the state after kill ${kill} of destroy`).to.deep.equal(full);
                    },
                });
                expect(landed, "kills of destroy that landed").not.to.deep.equal([]);
                // Days later RAM has forgotten the lost runs' tokens: leaving again is answered "not
                // associated", which the delete takes as done.
                await emulator.admin.forgetClientTokens();
                await harness.stack.destroy({ parallel: 4 });
                expect(await resourcesOf(harness, INVITATION_ACCEPTANCE_TYPE_TOKEN)).to.deep.equal([]);
                const leaves = await calls(LEAVE);
                expect(leaves.map((c) => c.outcome)).not.to.include("IdempotentParameterMismatchException");
                for (const call of leaves) {
                    expect(["ok", "UnknownResourceException"], `leave #${call.sequence}`).to.include(call.outcome);
                }
                for (const share of shares) {
                    const changes = leaves.filter((c) => arnOf(c) === share && c.stateChanged);
                    expect(changes, `leaves of ${share}`).to.have.length(1);
                }
            }));
    }

    it("a policy that rejects and accepts: each answered once, a summary that counts lost runs' work", () =>
        withSeed(random, async () => {
            const wanted = await seedPending(8, SENDER, { associationDelayMs: 1_500 });
            const unwanted = await seedPending(16, OTHER);
            const policy = {
                allowedSenderAccountIds: [SENDER.accountId],
                regions: REGIONS,
                allowed: "accept",
                maxRejectionsPerRun: 20,
                maxAcceptancesPerRun: 10,
            };
            const harness = await suite.rootStack(
                {},
                { endpoint: proxy.endpoint, env: SKIP_CHECKPOINTS, config: { policy } },
            );
            await slowWrites();
            await killUps(harness, 4, wanted.length + unwanted.length);
            const lastBefore = Math.max(0, ...(await emulator.admin.calls()).map((c) => c.sequence));

            const up = await harness.stack.up({ parallel: 4 });

            expectChangedOnce(
                await calls(REJECT),
                unwanted,
                await resourcesOf(harness, INVITATION_REJECTION_TYPE_TOKEN),
                {
                    status: "REJECTED",
                },
            );
            expectChangedOnce(
                await calls(ACCEPT),
                wanted,
                await resourcesOf(harness, INVITATION_ACCEPTANCE_TYPE_TOKEN),
                {
                    status: "ACCEPTED",
                },
            );
            // What the lost runs did counts as done earlier; what this run did, as done now.
            const changedNow = async (operation: RamOperationName) =>
                (await calls(operation)).filter((c) => c.sequence > lastBefore && c.stateChanged).length;
            expect(up.outputs.policy.value).to.deep.include({
                pendingAllowed: 0,
                rejectedNow: await changedNow(REJECT),
                rejectedEarlier: unwanted.length - (await changedNow(REJECT)),
                wouldReject: 0,
                acceptedNow: await changedNow(ACCEPT),
                acceptedEarlier: wanted.length - (await changedNow(ACCEPT)),
                wouldAccept: 0,
            });
            await expectNoChange(harness);
        }));

    it("a fleet through roles: each account's invitations rejected once, as that account", () =>
        withSeed(random, async () => {
            const role = (account: SeedAccount) => `arn:aws:iam::${account.accountId}:role/ram-invitations`;
            await emulator.admin.seed({
                accounts: [HUB, SENDER, RECEIVER, OTHER],
                roles: [RECEIVER, OTHER].map((account) => ({
                    roleArn: role(account),
                    trustedPrincipals: [HUB.accountId],
                })),
            });
            const toReceiver = await seedPending(12, SENDER);
            const toOther = await emulator.admin.seedPendingInvitations({
                sender: SENDER,
                receiver: OTHER,
                count: 12,
                regions: REGIONS,
                namePrefix: "to-other",
            });
            const accounts = {
                "platform-prod": {
                    roleArn: role(RECEIVER),
                    rejections: Object.fromEntries(
                        toReceiver.map((invitationArn, i) => [`decline-${i}`, { invitationArn }]),
                    ),
                },
                "data-prod": {
                    roleArn: role(OTHER),
                    policy: { allowedSenderAccountIds: [HUB.accountId], regions: REGIONS, maxRejectionsPerRun: 20 },
                },
            };
            const harness = await suite.rootStack(
                {},
                { endpoint: proxy.endpoint, credentials: HUB, env: SKIP_CHECKPOINTS, config: { accounts } },
            );
            await slowWrites();
            await killUps(harness, 4, toReceiver.length + toOther.length);
            await harness.stack.up({ parallel: 4 });
            const rejects = await calls(REJECT);
            const all = [...toReceiver, ...toOther];
            expectChangedOnce(rejects, all, await resourcesOf(harness, INVITATION_REJECTION_TYPE_TOKEN), {
                status: "REJECTED",
            });
            for (const [arns, account] of [
                [toReceiver, RECEIVER],
                [toOther, OTHER],
            ] as const) {
                const by = rejects.filter((c) => arns.includes(arnOf(c)));
                expect(new Set(by.map((c) => c.accountId)), `who rejected`).to.deep.equal(new Set([account.accountId]));
            }
            await expectNoChange(harness);
        }));
});
