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
 * Cases, in TypeScript: explicit rejections (the root program, and the plugin through its TypeScript
 * SDK), acceptances with a slow association followed by a killed destroy that leaves the shares
 * (both shells), a policy that rejects and accepts, and a fleet reached through roles. The same
 * from Python and Pulumi YAML: checkpoint-free-languages.test.ts.
 */
import { expect } from "chai";
import * as path from "node:path";
import { clientEnvironment, SeedAccount } from "../../emulator";
import { INVITATION_ACCEPTANCE_TYPE_TOKEN, INVITATION_REJECTION_TYPE_TOKEN } from "../../provider";
import { PulumiHarness } from "../../scripts/pulumi-harness";
import { HUB, OTHER, RECEIVER, SENDER } from "../support/accounts";
import {
    ACCEPT,
    killedUpdatesSuite,
    LEAVE,
    PARALLEL,
    REGIONS,
    REJECT,
    SKIP_CHECKPOINTS,
} from "../support/killed-updates";
import { killAtRandom, withSeed } from "../support/random-crashes";
import { arnOf } from "../support/rejections-in-state";

const ANSWERS_PROGRAM = path.join(__dirname, "fixtures", "answers", "index.ts");

describe("checkpoint-free updates killed at random moments, end to end", function () {
    this.timeout(20 * 60_000);
    const runs = killedUpdatesSuite();
    const { suite } = runs;
    const { slowWrites, writesReceived, settled, calls, resourcesOf, killUps, expectChangedOnce, expectNoChange } =
        runs;

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
            env: { ...clientEnvironment(runs.proxy.endpoint, RECEIVER), ...SKIP_CHECKPOINTS },
        });
    }

    it("explicit rejections of the root program: each rejected once, the state complete", () =>
        withSeed(runs.random, async () => {
            const arns = await runs.seedPending(24, SENDER);
            const rejections = Object.fromEntries(
                arns.map((invitationArn, i) => [`decline-${i + 1}`, { invitationArn }]),
            );
            const harness = await suite.rootStack(rejections, { endpoint: runs.proxy.endpoint, env: SKIP_CHECKPOINTS });
            await runs.explicitRejections(harness, arns);
        }));

    it("explicit rejections of the plugin (TypeScript SDK): each rejected once, the state complete", () =>
        withSeed(runs.random, async () => {
            const arns = await runs.seedPending(24, SENDER);
            await runs.explicitRejections(await answersStack(arns, "reject", "plugin"), arns);
        }));

    for (const shell of ["dynamic", "plugin"] as const) {
        it(`acceptances (${shell}) with a slow association, then a destroy that leaves: each once`, () =>
            withSeed(runs.random, async () => {
                const arns = await runs.seedPending(12, SENDER, { associationDelayMs: 1_500 });
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
                    random: runs.random,
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
                await runs.emulator.admin.forgetClientTokens();
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
        withSeed(runs.random, async () => {
            const wanted = await runs.seedPending(8, SENDER, { associationDelayMs: 1_500 });
            const unwanted = await runs.seedPending(16, OTHER);
            const policy = {
                allowedSenderAccountIds: [SENDER.accountId],
                regions: REGIONS,
                allowed: "accept",
                maxRejectionsPerRun: 20,
                maxAcceptancesPerRun: 10,
            };
            const harness = await suite.rootStack(
                {},
                { endpoint: runs.proxy.endpoint, env: SKIP_CHECKPOINTS, config: { policy } },
            );
            await slowWrites();
            await killUps(harness, 4, wanted.length + unwanted.length);
            const lastBefore = await runs.lastSequence();

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
            await runs.expectTruthfulSummary(
                up.outputs.policy.value,
                { rejected: unwanted, accepted: wanted },
                lastBefore,
            );
            await expectNoChange(harness);
        }));

    it("a fleet through roles: each account's invitations rejected once, as that account", () =>
        withSeed(runs.random, async () => {
            const role = (account: SeedAccount) => `arn:aws:iam::${account.accountId}:role/ram-invitations`;
            await runs.emulator.admin.seed({
                accounts: [HUB, SENDER, RECEIVER, OTHER],
                roles: [RECEIVER, OTHER].map((account) => ({
                    roleArn: role(account),
                    trustedPrincipals: [HUB.accountId],
                })),
            });
            const toReceiver = await runs.seedPending(12, SENDER);
            const toOther = await runs.emulator.admin.seedPendingInvitations({
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
                { endpoint: runs.proxy.endpoint, credentials: HUB, env: SKIP_CHECKPOINTS, config: { accounts } },
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
