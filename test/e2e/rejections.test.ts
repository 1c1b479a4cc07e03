/**
 * InvitationRejection end to end: the real Pulumi CLI (through scripts/pulumi-harness.ts) runs
 * the root program (rejections declared in stack config) or a small fixture program, its dynamic
 * provider runs as Pulumi runs it, and the RAM emulator stands in for AWS. Assertions count calls
 * in the emulator's call log and read the stack's exported state; none depends on timings.
 *
 * One emulator serves the whole file and is reset before each test; each test has its own stack.
 */
import { expect } from "chai";
import { randomBytes, randomUUID } from "node:crypto";
import * as path from "node:path";
import {
    AcceptResourceShareInvitationCommand,
    RAMClient,
    RejectResourceShareInvitationCommand,
} from "@aws-sdk/client-ram";
import { CommandError, OpMap } from "@pulumi/pulumi/automation";
import { CallLogEntry, clientEnvironment, RamOperationName, RunningEmulator, SeedAccount } from "../../emulator";
import { INVITATION_REJECTION_TYPE_TOKEN } from "../../provider";
import { PulumiHarness } from "../../scripts/pulumi-harness";
import { RECEIVER, SENDER } from "../support/accounts";
import { ramClientAs } from "../support/ram-client";
import { endToEndSuite, RootStackOptions } from "../support/end-to-end-suite";
import { expectFailure } from "../support/expect-failure";
import { waitUntil } from "../support/wait-until";
import { expectNoneInStack } from "../support/stack-files";
import {
    arnOf,
    expectRejectedExactlyOnce,
    regionOf,
    rejectionsInState,
    StateResource,
    writeCalls as writeCallsOf,
} from "../support/rejections-in-state";
import { seedInvitations as seedSupport } from "../support/seeding";
import { RequestCounter } from "./request-counter";

/** One rejection that is renamed, re-parented or given a newer provider, by the config value `variant`. */
const REFACTORING_PROGRAM = path.join(__dirname, "fixtures", "refactoring", "index.ts");

const REJECT: RamOperationName = "RejectResourceShareInvitation";
const REJECT_PATH = "/rejectresourceshareinvitation";
const REPLACEMENT_OPS = ["replace", "create-replacement", "delete-replaced"];

/** The resource name the root program gets for the i-th invitation (from 0). */
function nameFor(index: number): string {
    return `decline-share-${index + 1}`;
}

/** The stack config of the root program that rejects `arns`. */
function rejectionsConfig(arns: string[]): Record<string, { invitationArn: string }> {
    return Object.fromEntries(arns.map((invitationArn, i) => [nameFor(i), { invitationArn }]));
}

function expectNoReplacement(changes: OpMap | undefined): void {
    for (const op of REPLACEMENT_OPS) {
        expect(changes ?? {}, `no ${op}`).not.to.have.property(op);
    }
}

function expectOnlySame(changes: OpMap | undefined): void {
    expect(Object.keys(changes ?? {}), JSON.stringify(changes)).to.deep.equal(["same"]);
}

describe("InvitationRejection end to end: real Pulumi CLI against the RAM emulator", function () {
    // The first use may build the CLI from Go modules (minutes); each operation takes seconds.
    this.timeout(15 * 60_000);

    const suite = endToEndSuite();
    let emulator: RunningEmulator;
    let proxies: RequestCounter[] = [];
    before(() => (emulator = suite.emulator));

    afterEach(async () => {
        await Promise.all(proxies.map((p) => p.stop()));
        proxies = [];
    });

    function seedInvitations(count: number, receiver: SeedAccount = RECEIVER): Promise<string[]> {
        return seedSupport(emulator, count, receiver);
    }

    /** A stack of the root program that rejects `arns`. */
    function rootStack(arns: string[], options: RootStackOptions = {}): Promise<PulumiHarness> {
        return suite.rootStack(rejectionsConfig(arns), options);
    }

    /** A stack of the refactoring fixture that rejects `arn`, starting with `variant`. */
    function refactoringStack(arn: string, variant: string): Promise<PulumiHarness> {
        return suite.stack({
            program: REFACTORING_PROGRAM,
            project: "refactoring",
            config: { "refactoring:invitationArn": { value: arn }, "refactoring:variant": { value: variant } },
            env: clientEnvironment(emulator.endpoint, RECEIVER),
        });
    }

    function rejectCalls(): Promise<CallLogEntry[]> {
        return emulator.admin.calls({ operation: REJECT });
    }

    function writeCalls(): Promise<CallLogEntry[]> {
        return writeCallsOf(emulator);
    }

    async function statusesInEmulator(): Promise<Record<string, string>> {
        const { invitations } = await emulator.admin.state();
        return Object.fromEntries(invitations.map((i) => [i.resourceShareInvitationArn, i.status]));
    }

    function ramAsReceiver(arn: string): RAMClient {
        return ramClientAs(emulator.endpoint, RECEIVER, regionOf(arn));
    }

    describe("declared in stack config (the root program)", () => {
        // The first up of 5 rejections makes exactly 5 RejectResourceShareInvitation calls, all ok;
        // a second up reports no changes and makes no write call.
        it("5 rejections: the first up makes 5 calls, a second up none", async () => {
            const arns = await seedInvitations(5);
            const harness = await rootStack(arns);

            const first = await harness.stack.up();

            expect(first.summary.resourceChanges).to.deep.equal({ create: 6 }); // the stack and 5 rejections
            const rejects = await rejectCalls();
            expect(rejects).to.have.length(5);
            expect(rejects.filter((c) => c.outcome === "ok" && c.stateChanged)).to.have.length(5);
            expect(rejects.map(arnOf).sort()).to.deep.equal([...arns].sort());
            expect(rejects.map((c) => c.region).sort()).to.deep.equal(arns.map(regionOf).sort());
            const outputs = first.outputs.invitations.value as Record<
                string,
                { status: string; invitationArn: string }
            >;
            expect(Object.keys(outputs).sort()).to.deep.equal(arns.map((_, i) => nameFor(i)).sort());
            arns.forEach((arn, i) =>
                expect(outputs[nameFor(i)]).to.include({ invitationArn: arn, status: "REJECTED" }),
            );
            expect(Object.values(await statusesInEmulator())).to.deep.equal(arns.map(() => "REJECTED"));
            // The provider turns off the AWS SDK's Node.js 20 notice. The SDK prints it on Node < 22
            // only, so this line checks something on Node 20 (CI's); test/unit/ram/sdk-notices.test.ts
            // checks the switch on any version.
            expect(first.stdout + first.stderr).not.to.contain("NodeVersionSupportWarning");

            await emulator.admin.clearCalls();
            const second = await harness.stack.up();

            expect(second.summary.resourceChanges).to.deep.equal({ same: 6 });
            expect(await writeCalls()).to.deep.equal([]);
        });
    });

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
            const proxy = await RequestCounter.start(emulator.endpoint);
            proxies.push(proxy);
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
            const proxy = await RequestCounter.start(emulator.endpoint);
            proxies.push(proxy);
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

    describe("invitations answered out of band", () => {
        // An invitation the receiver already rejected elsewhere is adopted by up:
        // status REJECTED in outputs and state, no failure.
        it("an invitation already rejected elsewhere is adopted by up, with no failure", async () => {
            const arns = await seedInvitations(3);
            await ramAsReceiver(arns[0]).send(
                new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: arns[0] }),
            );
            await emulator.admin.clearCalls();
            const harness = await rootStack(arns);

            const up = await harness.stack.up();

            expect(up.summary.resourceChanges).to.deep.equal({ create: 4 });
            const outputs = up.outputs.invitations.value as Record<string, { status: string }>;
            expect(outputs[nameFor(0)].status).to.equal("REJECTED");
            const rejects = await rejectCalls();
            // The run's own listing showed it REJECTED, which is final: adopted without a write.
            expect(rejects.filter((c) => arnOf(c) === arns[0])).to.deep.equal([]);
            expect(
                rejects
                    .filter((c) => c.stateChanged)
                    .map(arnOf)
                    .sort(),
            ).to.deep.equal(arns.slice(1).sort());
            const state = await rejectionsInState(harness);
            expect(state.find((r) => r.id === arns[0])?.outputs).to.include({
                status: "REJECTED",
                resourceShareName: "share-1",
                senderAccountId: SENDER.accountId,
                receiverAccountId: RECEIVER.accountId,
            });
        });

        // An accepted invitation fails preview (in check) and up (in its own create) with a message that says
        // it was already accepted and names the ARN, makes no call for it, and with --continue-on-error
        // the other rejections of the same up go through, each exactly once.
        it("an accepted invitation fails preview and up; the other rejections go through", async () => {
            const arns = await seedInvitations(5);
            // Declared first, so that without the hand-over from check to create it would stop the
            // update before any other rejection is registered.
            const accepted = arns[0];
            await ramAsReceiver(accepted).send(
                new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: accepted }),
            );
            await emulator.admin.clearCalls();
            const harness = await rootStack(arns);

            // Without --continue-on-error Pulumi starts no new step after a failed one, so which other
            // rejections go through in that update depends on timing; with it, all of them do.
            for (const operation of [
                () => harness.stack.preview(),
                () => harness.stack.up({ continueOnError: true }),
            ]) {
                const { message } = await expectFailure(operation(), CommandError);
                expect(message).to.contain("already accepted");
                expect(message).to.contain(accepted);
            }
            const others = arns.filter((arn) => arn !== accepted);
            const rejects = await rejectCalls();
            expect(rejects.filter((c) => arnOf(c) === accepted)).to.deep.equal([]);
            expectRejectedExactlyOnce(rejects, others, await rejectionsInState(harness));
            const statuses = await statusesInEmulator();
            expect(statuses[accepted]).to.equal("ACCEPTED");
            others.forEach((arn) => expect(statuses[arn]).to.equal("REJECTED"));

            // Once the entry is removed, the stack is clean: nothing left to do, no call.
            const remaining = Object.fromEntries(
                Object.entries(rejectionsConfig(arns)).filter(([, entry]) => entry.invitationArn !== accepted),
            );
            await harness.stack.setConfig("ram-invitations:rejections", { value: JSON.stringify(remaining) });
            await emulator.admin.clearCalls();
            const again = await harness.stack.up();
            expect(again.summary.resourceChanges).to.deep.equal({ same: others.length + 1 });
            expect(await rejectCalls()).to.deep.equal([]);
        });
    });

    describe("refactoring keeps the client token", () => {
        async function expectUnchangedRejection(
            harness: PulumiHarness,
            variant: string,
            expected: { token: string; urnSuffix: string; componentCreated: boolean },
        ): Promise<void> {
            await harness.stack.setConfig("refactoring:variant", { value: variant });
            const preview = await harness.stack.preview();
            expectNoReplacement(preview.changeSummary);
            const up = await harness.stack.up();

            expectNoReplacement(up.summary.resourceChanges);
            expect(up.summary.resourceChanges).to.deep.equal(
                expected.componentCreated ? { same: 2, create: 1 } : { same: 2 },
            );
            const urn: string = up.outputs.urn.value;
            expect(urn.endsWith(expected.urnSuffix), `${urn} ends with ${expected.urnSuffix}`).to.equal(true);
            expect(up.outputs.clientToken.value).to.equal(expected.token);
            const state = await rejectionsInState(harness);
            expect(state).to.have.length(1);
            expect(state[0].urn).to.equal(urn);
            expect(state[0].inputs?.clientToken).to.equal(expected.token);
            expect(state[0].outputs?.clientToken).to.equal(expected.token);
            expect(await writeCalls()).to.deep.equal([]);
        }

        // Each move keeps the token and causes no replacement and no new RejectResourceShareInvitation call.
        const MOVES = [
            // A rename with an alias to the old name.
            { title: "renamed, aliased to the old name", from: "original", to: "renamed", inComponent: false },
            // Moved under a component parent, with an alias to the root stack parent.
            {
                title: "moved under a component, aliased by parent",
                from: "renamed",
                to: "in-component",
                inComponent: true,
            },
            // Moved under a component parent and renamed, with the old URN as alias.
            {
                title: "moved and renamed, aliased by old URN",
                from: "original",
                to: "in-component-by-urn",
                inComponent: true,
            },
        ];
        for (const move of MOVES) {
            it(`${move.title}: same token, no replacement, no call`, async () => {
                const [arn] = await seedInvitations(1);
                const harness = await refactoringStack(arn, move.from);
                const first = await harness.stack.up();
                expect(await rejectCalls()).to.have.length(1);
                await emulator.admin.clearCalls();

                await expectUnchangedRejection(harness, move.to, {
                    token: first.outputs.clientToken.value,
                    urnSuffix: move.inComponent
                        ? `::e2e:refactoring:Group$${INVITATION_REJECTION_TYPE_TOKEN}::second-name`
                        : `::${INVITATION_REJECTION_TYPE_TOKEN}::second-name`,
                    componentCreated: move.inComponent,
                });
            });
        }
    });

    describe("upgrading the package", () => {
        // A different serialized provider in state (every __provider input and output replaced)
        // shows no changes in preview and makes no write call.
        it("a different serialized provider in state: no changes in preview, no write call", async () => {
            const arns = await seedInvitations(3);
            const harness = await rootStack(arns);
            await harness.stack.up();
            const exported = await harness.stack.exportStack();
            let replaced = 0;
            for (const resource of exported.deployment.resources as StateResource[]) {
                if (resource.type !== INVITATION_REJECTION_TYPE_TOKEN) {
                    continue;
                }
                for (const properties of [resource.inputs, resource.outputs]) {
                    expect(properties?.__provider, `__provider of ${resource.urn}`).to.be.a("string");
                    properties!.__provider = `${properties!.__provider as string}\n// upgraded`;
                    replaced++;
                }
            }
            expect(replaced).to.equal(6);
            await harness.stack.importStack(exported);
            const imported = await rejectionsInState(harness);
            expect(imported).to.have.length(3);
            expect(imported.every((r) => (r.inputs?.__provider as string).endsWith("\n// upgraded"))).to.equal(true);
            await emulator.admin.clearCalls();

            const preview = await harness.stack.preview();

            expectOnlySame(preview.changeSummary);
            expect(await writeCalls()).to.deep.equal([]);
        });

        // A newer provider class (a member more, so Pulumi serializes a different text)
        // shows no changes in preview or up and makes no write call.
        it("a newer provider class: no changes in preview or up, no write call", async () => {
            const [arn] = await seedInvitations(1);
            const harness = await refactoringStack(arn, "original");
            await harness.stack.up();
            const [before] = await rejectionsInState(harness);
            expect(before.inputs?.__provider).not.to.contain("a newer release");
            await emulator.admin.clearCalls();
            await harness.stack.setConfig("refactoring:variant", { value: "upgraded-provider" });

            const preview = await harness.stack.preview();
            const up = await harness.stack.up();

            expectOnlySame(preview.changeSummary);
            expectOnlySame(up.summary.resourceChanges);
            const [after] = await rejectionsInState(harness);
            // The engine stores the new provider text, so the variant really did serialize a different one.
            expect(after.inputs?.__provider).to.contain("a newer release");
            expect(after.outputs?.clientToken).to.equal(before.outputs?.clientToken);
            expect(await writeCalls()).to.deep.equal([]);
        });
    });

    describe("refresh and destroy", () => {
        // refresh reports a status changed out of band and keeps the last state of an invitation
        // RAM no longer returns; destroy empties the stack with no write call.
        it("refresh follows out-of-band changes; destroy empties the stack with no write call", async () => {
            const arns = await seedInvitations(3);
            const [acceptedElsewhere, removed, untouched] = arns;
            const harness = await rootStack(arns);
            await harness.stack.up();
            const before = await rejectionsInState(harness);
            await emulator.admin.setInvitationStatus(acceptedElsewhere, "ACCEPTED");
            await emulator.admin.removeInvitation(removed);
            await emulator.admin.clearCalls();

            const refresh = await harness.stack.refresh();

            // The summary counts by the provider's diff of inputs (Pulumi's refresh diff), which a status,
            // an output, does not take part in; what matters is the state, and that nothing was dropped.
            expect(refresh.summary.resourceChanges).not.to.have.property("delete");
            const after = await rejectionsInState(harness);
            const outputsOf = (state: StateResource[], arn: string) => state.find((r) => r.id === arn)?.outputs;
            expect(outputsOf(after, acceptedElsewhere)).to.deep.equal({
                ...outputsOf(before, acceptedElsewhere),
                status: "ACCEPTED",
            });
            expect(outputsOf(after, removed)).to.deep.equal(outputsOf(before, removed));
            expect(outputsOf(after, untouched)).to.deep.equal(outputsOf(before, untouched));
            expect(await writeCalls()).to.deep.equal([]);

            await emulator.admin.clearCalls();
            const destroy = await harness.stack.destroy();

            expect(destroy.summary.resourceChanges).to.deep.equal({ delete: 4 });
            const { deployment } = await harness.stack.exportStack();
            expect(deployment.resources ?? []).to.deep.equal([]);
            expect(await writeCalls()).to.deep.equal([]);
            const statuses = await statusesInEmulator();
            expect(statuses[acceptedElsewhere]).to.equal("ACCEPTED");
            expect(statuses[untouched]).to.equal("REJECTED");
        });
    });

    describe("no secret in state", () => {
        // The exported stack (Automation API and pulumi stack export --show-secrets) and every file
        // of the backend contain none of the credentials used.
        it("neither the exported stack nor any backend file contains the credentials used", async () => {
            const receiver = {
                accountId: "444444444444",
                accessKeyId: `AKIDE2E${randomBytes(6).toString("hex").toUpperCase()}`,
                secretAccessKey: `e2e-secret-${randomUUID()}`,
            };
            const credentials = { ...receiver, sessionToken: `e2e-session-${randomUUID()}` };
            const arns = await seedInvitations(2, receiver);
            const harness = await rootStack(arns, { credentials });
            const up = await harness.stack.up();
            expect(up.summary.resourceChanges).to.deep.equal({ create: 3 });
            expect((await rejectCalls()).map((c) => c.accountId)).to.deep.equal([
                receiver.accountId,
                receiver.accountId,
            ]);
            const secrets = [credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken];

            await expectNoneInStack(harness, secrets, arns[0]);
        });
    });
});
