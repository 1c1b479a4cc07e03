/**
 * InvitationRejection end to end, crash safety: the root program's rejections on the real Pulumi
 * CLI against the RAM emulator, with connections dropped after RAM committed and `pulumi up`
 * SIGKILLed with rejections in flight. Each invitation is rejected exactly once, and state holds the
 * token RAM saw. (Crashes with checkpoints off: checkpoint-free.test.ts.)
 */
import { expect } from "chai";
import { RunningEmulator } from "../../emulator";
import { INVITATION_REJECTION_TYPE_TOKEN } from "../../provider";
import { waitUntil } from "../support/wait-until";
import { arnOf, expectRejectedExactlyOnce, rejectionsInState } from "../support/rejections-in-state";
import { expectNoReplacement, REJECT, REJECT_PATH, rejectionSuite } from "../support/rejection-suite";

describe("InvitationRejection end to end: crash safety", function () {
    // The first use may build the CLI from Go modules (minutes); each operation takes seconds.
    this.timeout(15 * 60_000);

    const rejections = rejectionSuite();
    const { seedInvitations, rootStack, requestCounter, rejectCalls, writeCalls } = rejections;
    let emulator: RunningEmulator;
    before(() => (emulator = rejections.emulator));

    describe("crash safety", () => {
        // A rejection that RAM commits before the connection drops is retried by the SDK with the same token:
        // up completes with one state change per invitation.
        it("a rejection committed before the connection drops is retried with the same token", async () => {
            const arns = await seedInvitations(5);
            await emulator.admin.setFaults(REJECT, { dropAfterCommitNext: 3 });
            const harness = await rootStack(arns);

            const up = await harness.stack.up();

            expect(up.summary.resourceChanges).to.deep.equal({ create: 6 });
            const rejects = await rejectCalls();
            // The three drops can hit three invitations, or a retry of one already dropped: which is
            // timing. Either way each drop costs exactly one retry, every retry is answered from the
            // token ledger, and each invitation's last call is answered.
            expect(rejects.filter((c) => c.connectionDropped)).to.have.length(3);
            expect(rejects).to.have.length(8);
            for (const arn of arns) {
                const calls = rejects.filter((c) => arnOf(c) === arn);
                expect(calls[0], `first call for ${arn}`).to.include({
                    outcome: "ok",
                    stateChanged: true,
                    idempotentReplay: false,
                });
                for (const retry of calls.slice(1)) {
                    expect(retry, `retry for ${arn}`).to.include({
                        outcome: "ok",
                        idempotentReplay: true,
                        stateChanged: false,
                    });
                }
                expect(
                    calls.slice(0, -1).every((c) => c.connectionDropped),
                    `every call but the last for ${arn} was dropped`,
                ).to.equal(true);
                expect(calls[calls.length - 1].connectionDropped, `last call for ${arn}`).to.equal(false);
            }
            expectRejectedExactlyOnce(rejects, arns, await rejectionsInState(harness));
        });

        // pulumi up SIGKILLed while every rejection is in flight: after pulumi cancel, the next up re-runs the
        // pending creates, each invitation is rejected exactly once and state holds the tokens RAM saw;
        // clearing the leftover pending creates changes nothing.
        it("pulumi up SIGKILLed with every rejection in flight: the next up rejects each once", async () => {
            const arns = await seedInvitations(5);
            const proxy = await requestCounter();
            const harness = await rootStack(arns, { endpoint: proxy.endpoint });
            await emulator.admin.setFaults(REJECT, { latencyMs: 3_000 });

            const run = harness.spawnUp(["--parallel", "10"]);
            await waitUntil("every rejection is in flight", () => proxy.received(REJECT_PATH) === 5, run);
            await run.crash();
            // RAM goes on with the requests it has received: all five commit, none answered to Pulumi.
            await waitUntil("RAM has handled every rejection", async () => (await rejectCalls()).length === 5);
            await emulator.admin.clearFaults();
            const committed = await rejectCalls();
            expect(committed.filter((c) => c.stateChanged)).to.have.length(5);

            const pending = await harness.recoverFromCrash();
            expect(
                pending.filter((op) => op.type === "creating" && op.resource.type === INVITATION_REJECTION_TYPE_TOKEN),
            ).to.have.length(5);
            expect(await rejectionsInState(harness)).to.deep.equal([]);

            const up = await harness.stack.up();

            expect(up.summary.resourceChanges?.create).to.equal(5);
            const rejects = await rejectCalls();
            const retries = rejects.filter((c) => c.sequence > Math.max(...committed.map((x) => x.sequence)));
            // The up's own listing shows all five REJECTED, which is final: each is adopted with no call,
            // and its state records the token RAM committed (checked below).
            expect(retries).to.deep.equal([]);
            expectRejectedExactlyOnce(rejects, arns, await rejectionsInState(harness));

            // Pulumi keeps pending creates in the checkpoint after an up ("they require user
            // intervention"); clearing them afterwards touches no rejection.
            await emulator.admin.clearCalls();
            await harness.stack.refresh({ clearPendingCreates: true });
            expect(await harness.pendingOperations()).to.deep.equal([]);
            expect(await writeCalls()).to.deep.equal([]);
            expectRejectedExactlyOnce(rejects, arns, await rejectionsInState(harness));
        });

        // pulumi up SIGKILLed after some rejections committed and others are in flight: after pulumi cancel
        // and refresh --clear-pending-creates, the next up completes, each invitation is rejected exactly once
        // and state holds the tokens RAM saw.
        it("pulumi up SIGKILLed with some rejections committed: the next up rejects each once", async () => {
            const arns = await seedInvitations(5);
            const proxy = await requestCounter();
            const harness = await rootStack(arns, { endpoint: proxy.endpoint });
            await emulator.admin.setFaults(REJECT, { latencyMs: 1_500 });

            // Two at a time: once RAM has committed the first ones, the next ones go out, and the kill
            // comes while they are in flight. Whether Pulumi saved the first ones is up to the race.
            const run = harness.spawnUp(["--parallel", "2"]);
            await waitUntil(
                "RAM has committed a rejection and more are in flight",
                async () => {
                    const answered = await rejectCalls();
                    return answered.some((c) => c.stateChanged) && proxy.received(REJECT_PATH) > answered.length;
                },
                run,
            );
            await run.crash();
            await waitUntil(
                "RAM has answered every rejection it received",
                async () => (await rejectCalls()).length === proxy.received(REJECT_PATH),
            );
            await emulator.admin.clearFaults();

            // The other recovery the README documents: drop the pending creates first, then up.
            await harness.recoverFromCrash();
            await harness.stack.refresh({ clearPendingCreates: true });
            expect(await harness.pendingOperations()).to.deep.equal([]);
            // What RAM committed that Pulumi never recorded: the requests in flight at the kill (and
            // any answered between the last look and the kill, which Pulumi may have recorded).
            const recorded = (await rejectionsInState(harness)).map((r) => r.id);
            const committed = (await rejectCalls()).filter((c) => c.stateChanged).map(arnOf);
            expect(committed.length).to.be.greaterThan(0);
            const unrecorded = committed.filter((arn) => !recorded.includes(arn));
            expect(unrecorded.length, "a rejection RAM committed and Pulumi did not record").to.be.greaterThan(0);
            const callsBeforeUp = (await rejectCalls()).length;
            const up = await harness.stack.up();

            expectNoReplacement(up.summary.resourceChanges);
            expect(await harness.pendingOperations()).to.deep.equal([]);
            const rejects = await rejectCalls();
            expectRejectedExactlyOnce(rejects, arns, await rejectionsInState(harness));
            // The up's own listing shows each of those REJECTED, which is final: each is adopted with
            // no call (its state keeps the token RAM committed, checked above); only the invitations
            // RAM never committed are sent, once each, and nothing is replayed.
            const sentAfterRecovery = rejects.slice(callsBeforeUp).map(arnOf);
            expect(sentAfterRecovery.sort()).to.deep.equal(arns.filter((arn) => !committed.includes(arn)).sort());
            expect(rejects.filter((c) => c.idempotentReplay)).to.deep.equal([]);
        });
    });
});
