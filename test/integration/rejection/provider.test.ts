import { expect } from "chai";
import {
    AcceptResourceShareInvitationCommand,
    RAMClient,
    RejectResourceShareInvitationCommand,
} from "@aws-sdk/client-ram";
import { RunningEmulator, Seed } from "../../../emulator";
import { deriveClientToken } from "../../../provider/core/rejection/client-token";
import { rejectionProvider } from "../../../provider/dynamic/answer-provider";
import { RejectionState } from "../../../provider/core/answer/properties";
import { OTHER, RECEIVER, SENDER } from "../../support/accounts";
import { expectFailure } from "../../support/expect-failure";
import { ramClientAs } from "../../support/ram-client";
import { emulatorPerSuite } from "../../support/emulator-suite";
import { describeWithPageSizes } from "../../support/page-sizes";

const REGION = "eu-west-1";
const REJECT = "RejectResourceShareInvitation";

const SEED: Seed = {
    accounts: [SENDER, RECEIVER, OTHER],
    resourceShares: [
        { name: "shared-subnets", ownerAccountId: SENDER.accountId, region: REGION, principals: [RECEIVER.accountId] },
        { name: "second-share", ownerAccountId: SENDER.accountId, region: REGION, principals: [RECEIVER.accountId] },
        { name: "for-someone-else", ownerAccountId: SENDER.accountId, region: REGION, principals: [OTHER.accountId] },
    ],
};

describeWithPageSizes("RejectionProvider against the RAM emulator (real SDK over HTTP)", function (pageSize) {
    this.timeout(30_000);
    const suite = emulatorPerSuite({ actAs: RECEIVER, pageSize });
    let emulator: RunningEmulator;
    let invitationArn: string;
    let secondInvitationArn: string;
    let otherAccountsInvitationArn: string;

    before(() => (emulator = suite.emulator));

    beforeEach(async () => {
        const seeded = await emulator.admin.seed(SEED);
        invitationArn = seeded.resourceShares[0].invitationArns[RECEIVER.accountId];
        secondInvitationArn = seeded.resourceShares[1].invitationArns[RECEIVER.accountId];
        otherAccountsInvitationArn = seeded.resourceShares[2].invitationArns[OTHER.accountId];
    });

    function inputsFor(arn: string) {
        return { invitationArn: arn, clientToken: deriveClientToken("urn:pulumi:test::p::t::n", arn) };
    }

    async function rejectCalls() {
        return emulator.admin.calls({ operation: REJECT });
    }

    function ramAs(account: { accessKeyId: string; secretAccessKey: string }): RAMClient {
        return ramClientAs(emulator.endpoint, account, REGION);
    }

    it("check accepts the inputs, and create rejects with one call carrying the client token", async () => {
        const provider = rejectionProvider();
        const checked = await provider.check({}, inputsFor(invitationArn));
        expect(checked.failures).to.deep.equal([]);

        const created = await provider.create(checked.inputs);
        expect(created.id).to.equal(invitationArn);
        expect(created.outs).to.deep.include({
            invitationArn,
            resourceShareName: "shared-subnets",
            senderAccountId: SENDER.accountId,
            receiverAccountId: RECEIVER.accountId,
            status: "REJECTED",
            clientToken: checked.inputs.clientToken,
        });
        expect(created.outs?.resourceShareArn).to.match(/^arn:aws:ram:eu-west-1:111111111111:resource-share\//);
        expect(Date.parse(created.outs!.invitationTimestamp)).to.not.be.NaN;
        expect(Date.parse(created.outs!.rejectedAt!)).to.be.closeTo(Date.now(), 60_000);

        const calls = await rejectCalls();
        expect(calls).to.have.length(1);
        expect(calls[0]).to.deep.include({
            accountId: RECEIVER.accountId,
            region: REGION,
            outcome: "ok",
            stateChanged: true,
        });
        expect(calls[0].parameters).to.deep.include({ clientToken: checked.inputs.clientToken });
    });

    it("a second create with the same inputs changes nothing and returns the same outputs", async () => {
        const provider = rejectionProvider();
        const first = await provider.create(inputsFor(invitationArn));
        const second = await rejectionProvider().create(inputsFor(invitationArn));

        // rejectedAt is when this resource saw the rejection take effect: an observation time,
        // not part of what RAM returns, so each create records its own.
        const { rejectedAt: _firstSeen, ...firstOuts } = first.outs!;
        const { rejectedAt: _secondSeen, ...secondOuts } = second.outs!;
        expect(second.id).to.equal(first.id);
        expect(secondOuts).to.deep.equal(firstOuts);
        const calls = await rejectCalls();
        expect(calls.filter((c) => c.stateChanged)).to.have.length(1);
        expect(calls[1]).to.deep.include({ outcome: "ok", idempotentReplay: true, stateChanged: false });
    });

    it("survives a response lost after RAM committed: the retry carries the same token, one rejection", async () => {
        await emulator.admin.setFaults(REJECT, { dropAfterCommitNext: 1 });
        const created = await rejectionProvider().create(inputsFor(invitationArn));
        expect(created.outs?.status).to.equal("REJECTED");

        const calls = await rejectCalls();
        expect(calls.map((c) => [c.connectionDropped, c.idempotentReplay, c.stateChanged])).to.deep.equal([
            [true, false, true],
            [false, true, false],
        ]);
        expect(new Set(calls.map((c) => (c.parameters as { clientToken: string }).clientToken)).size).to.equal(1);
    });

    // A rejection is final and a listing of this run is fresh evidence: check's listing (or what a
    // policy listed and handed over) that says REJECTED lets create adopt it without a write.
    it("adopts an invitation that check saw rejected out of band, with no write", async () => {
        await ramAs(RECEIVER).send(
            new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: invitationArn }),
        );
        await emulator.admin.clearCalls();
        const provider = rejectionProvider();
        const checked = await provider.check({}, { ...inputsFor(invitationArn), __preview: false });
        expect(checked.failures).to.deep.equal([]);
        const created = await provider.create(checked.inputs as ReturnType<typeof inputsFor>);

        expect(created.outs).to.deep.include({ status: "REJECTED", resourceShareName: "shared-subnets" });
        expect(created.outs?.rejectedAt).to.be.a("string");
        expect(created.outs?.clientToken).to.equal(inputsFor(invitationArn).clientToken);
        expect(await rejectCalls()).to.deep.equal([]);
    });

    it("adopts an invitation a policy listed as rejected, with no call at all", async () => {
        await ramAs(RECEIVER).send(
            new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: invitationArn }),
        );
        await emulator.admin.clearCalls();
        const listed = {
            resourceShareArn: "arn:aws:ram:eu-west-1:111111111111:resource-share/listed",
            resourceShareName: "shared-subnets",
            senderAccountId: SENDER.accountId,
            receiverAccountId: RECEIVER.accountId,
            invitationTimestamp: "2026-11-26T00:00:00.000Z",
            status: "REJECTED",
        };
        const provider = rejectionProvider();
        const checked = await provider.check({}, { ...inputsFor(invitationArn), __preview: false, __listed: listed });
        const created = await provider.create(checked.inputs as ReturnType<typeof inputsFor>);

        expect(created.outs).to.deep.include({ status: "REJECTED", resourceShareName: "shared-subnets" });
        expect(await emulator.admin.calls()).to.deep.equal([]);
    });

    it("adopts an invitation rejected out of band that it has not seen, taking RAM's answer for success", async () => {
        await ramAs(RECEIVER).send(
            new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: invitationArn }),
        );
        const created = await rejectionProvider().create(inputsFor(invitationArn));
        expect(created.outs).to.deep.include({ status: "REJECTED", resourceShareName: "shared-subnets" });
        expect(created.outs?.rejectedAt).to.be.a("string");
        // The provider did send its rejection, with its own token, and took RAM's "already
        // rejected" for success: the one state change is the out-of-band one.
        const [outOfBand, ours, ...more] = await rejectCalls();
        expect(more).to.deep.equal([]);
        expect(outOfBand.stateChanged).to.equal(true);
        expect(ours).to.deep.include({
            outcome: "ResourceShareInvitationAlreadyRejectedException",
            stateChanged: false,
        });
        expect((ours.parameters as { clientToken?: string }).clientToken).to.equal(
            inputsFor(invitationArn).clientToken,
        );
    });

    it("fails on an accepted invitation, saying what to do", async () => {
        await ramAs(RECEIVER).send(
            new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitationArn }),
        );
        const { message: failure } = await expectFailure(rejectionProvider().create(inputsFor(invitationArn)));
        expect(failure).to.contain(invitationArn).and.to.contain("already accepted");
        expect(failure).to.contain(`account ${RECEIVER.accountId} in region eu-west-1`);
        expect(failure).to.contain("disassociate-resource-share");
    });

    it("succeeds on an expired invitation, recording EXPIRED and no rejection time", async () => {
        await emulator.admin.advanceClock(8 * 24 * 3600 * 1000);
        const created = await rejectionProvider().create(inputsFor(invitationArn));
        expect(created.outs?.status).to.equal("EXPIRED");
        expect(created.outs).to.not.have.property("rejectedAt");
    });

    it("fails on an unknown invitation, naming account and region", async () => {
        const unknown = invitationArn.replace(/[0-9a-f]{8}-/, "00000000-");
        const { message: failure } = await expectFailure(rejectionProvider().create(inputsFor(unknown)));
        expect(failure).to.contain(unknown).and.to.contain("does not show this invitation");
        expect(failure).to.contain(`account ${RECEIVER.accountId} in region eu-west-1`);
    });

    it("never acts on another account's invitation", async () => {
        const { message: failure } = await expectFailure(
            rejectionProvider().create(inputsFor(otherAccountsInvitationArn)),
        );
        expect(failure).to.contain("does not show this invitation");
        const state = await emulator.admin.state();
        const theirs = state.invitations.find((i) => i.resourceShareInvitationArn === otherAccountsInvitationArn);
        expect(theirs?.status).to.equal("PENDING");
    });

    it("retries 5xx answers until RAM accepts the rejection", async () => {
        await emulator.admin.setFaults(REJECT, { serverErrorNext: 2, serverErrorStatus: 503 });
        const created = await rejectionProvider().create(inputsFor(invitationArn));
        expect(created.outs?.status).to.equal("REJECTED");
        expect((await rejectCalls()).map((c) => c.outcome)).to.deep.equal([
            "ServiceUnavailableException",
            "ServiceUnavailableException",
            "ok",
        ]);
    });

    it("retries throttled rejections until each invitation is rejected once", async () => {
        await emulator.admin.setFaults(REJECT, { maxRequestsPerSecond: 1 });
        const provider = rejectionProvider();
        const results = await Promise.all(
            [invitationArn, secondInvitationArn].map((arn) => provider.create(inputsFor(arn))),
        );
        expect(results.map((r) => r.outs?.status)).to.deep.equal(["REJECTED", "REJECTED"]);
        const calls = await rejectCalls();
        expect(calls.some((c) => c.outcome === "ThrottlingException")).to.equal(true);
        expect(calls.filter((c) => c.stateChanged)).to.have.length(2);
    });

    // read reports a status changed out of band,
    // and keeps the last state when RAM forgets the invitation.
    it("read reports out-of-band status changes and keeps state RAM forgot", async () => {
        const provider = rejectionProvider();
        const created = await provider.create(inputsFor(invitationArn));
        await emulator.admin.setInvitationStatus(invitationArn, "ACCEPTED");
        const refreshed = await rejectionProvider().read(created.id, created.outs);
        expect(refreshed.props).to.deep.include({ status: "ACCEPTED", clientToken: created.outs!.clientToken });

        // A new provider, as in the next `pulumi refresh` (each operation runs its own provider process).
        await emulator.admin.removeInvitation(invitationArn);
        const kept = await rejectionProvider().read(created.id, refreshed.props as RejectionState);
        expect(kept).to.deep.equal({ id: created.id, props: refreshed.props });
    });

    it("delete makes no API call", async () => {
        const provider = rejectionProvider();
        const created = await provider.create(inputsFor(invitationArn));
        await emulator.admin.clearCalls();
        await provider.delete(created.id, created.outs!);
        expect(await emulator.admin.calls()).to.deep.equal([]);
    });
});
