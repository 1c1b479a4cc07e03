/**
 * InvitationRejection end to end: the real Pulumi CLI (through scripts/pulumi-harness.ts) runs the
 * root program (rejections declared in stack config), its dynamic provider runs as Pulumi runs it,
 * and the RAM emulator stands in for AWS: the calls of a first and a second up, invitations answered
 * out of band, refresh and destroy, and no secret in state. Crashes are in rejection-crashes.test.ts,
 * renames and package upgrades in rejection-refactoring.test.ts. Assertions count calls in the
 * emulator's call log and read the stack's exported state; none depends on timings.
 *
 * One emulator serves the whole file and is reset before each test; each test has its own stack.
 */
import { expect } from "chai";
import { randomBytes, randomUUID } from "node:crypto";
import { AcceptResourceShareInvitationCommand, RejectResourceShareInvitationCommand } from "@aws-sdk/client-ram";
import { CommandError } from "@pulumi/pulumi/automation";
import { RunningEmulator } from "../../emulator";
import { RECEIVER, SENDER } from "../support/accounts";
import { expectFailure } from "../support/expect-failure";
import { expectNoneInStack } from "../support/stack-files";
import {
    arnOf,
    expectRejectedExactlyOnce,
    regionOf,
    rejectionsInState,
    StateResource,
} from "../support/rejections-in-state";
import { nameFor, rejectionSuite, rejectionsConfig } from "../support/rejection-suite";

describe("InvitationRejection end to end: real Pulumi CLI against the RAM emulator", function () {
    // The first use may build the CLI from Go modules (minutes); each operation takes seconds.
    this.timeout(15 * 60_000);

    const rejections = rejectionSuite();
    const { seedInvitations, rootStack, rejectCalls, writeCalls } = rejections;
    const { statusesInEmulator, ramAsReceiver } = rejections;
    let emulator: RunningEmulator;
    before(() => (emulator = rejections.emulator));

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
