/**
 * The acceptance's provider against the emulator, with the real SDK over HTTP: check, create (one
 * acceptance, the wait for the association), read, delete and import, and what each must never do.
 */
import { expect } from "chai";
import { DeleteResourceShareCommand, RejectResourceShareInvitationCommand } from "@aws-sdk/client-ram";
import { RunningEmulator, Seed } from "../../../emulator";
import { deriveAcceptanceClientToken, deriveLeaveClientToken } from "../../../provider/core/acceptance/client-token";
import { importAcceptance } from "../../../provider/core/acceptance/import";
import { acceptanceProvider, AcceptanceProvider } from "../../../provider/dynamic/answer-provider";
import type { AcceptanceInputs, AcceptanceState } from "../../../provider/core/acceptance/properties";
import { RamSessions } from "../../../provider/ram/ram-sessions";
import { deriveClientToken } from "../../../provider/core/rejection/client-token";
import { OTHER, RECEIVER, SENDER } from "../../support/accounts";
import { expectFailure } from "../../support/expect-failure";
import { ramClientAs } from "../../support/ram-client";
import { senderSubnet, subnetShare } from "../../support/seeding";
import { emulatorPerSuite } from "../../support/emulator-suite";
import { describeWithPageSizes, isFirstPage } from "../../support/page-sizes";

const REGION = "eu-west-1";
const ACCEPT = "AcceptResourceShareInvitation";
const URN = "urn:pulumi:test::p::pulumi-nodejs:dynamic/ram:InvitationAcceptance::network";
const SUBNET = senderSubnet(REGION);
const ASSOCIATION_DELAY_MS = 1500;

const SEED: Seed = {
    accounts: [SENDER, RECEIVER, OTHER],
    resourceShares: [
        subnetShare("network", REGION, ASSOCIATION_DELAY_MS),
        { name: "unwanted", ownerAccountId: OTHER.accountId, region: REGION, principals: [RECEIVER.accountId] },
    ],
};

// Each case runs twice: with RAM's pages as the client asks for them, and with pages of one item,
// so that every listing (GetResourceShares, ListResources, ListPendingInvitationResources,
// GetResourceShareInvitations) must follow nextToken to see it all.
describeWithPageSizes("AcceptanceProvider against the RAM emulator (real SDK over HTTP)", function (pageSize) {
    this.timeout(60_000);
    const suite = emulatorPerSuite({ actAs: RECEIVER, pageSize });
    let emulator: RunningEmulator;
    let invitationArn: string;
    let shareArn: string;
    let otherInvitationArn: string;

    before(() => (emulator = suite.emulator));

    beforeEach(async () => {
        const seeded = await emulator.admin.seed(SEED);
        invitationArn = seeded.resourceShares[0].invitationArns[RECEIVER.accountId];
        shareArn = seeded.resourceShares[0].resourceShareArn;
        otherInvitationArn = seeded.resourceShares[1].invitationArns[RECEIVER.accountId];
    });

    const inputsFor = (arn: string, more: Partial<AcceptanceInputs> = {}): AcceptanceInputs => ({
        invitationArn: arn,
        clientToken: deriveAcceptanceClientToken(URN, arn),
        ...more,
    });

    async function checkedAndCreated(provider: AcceptanceProvider, inputs: AcceptanceInputs) {
        const checked = await provider.check({}, inputs);
        expect(checked.failures).to.deep.equal([]);
        return { checked, created: await provider.create(checked.inputs) };
    }

    const writes = async (operation: "AcceptResourceShareInvitation") =>
        (await emulator.admin.calls({ operation })).filter((call) => call.stateChanged);

    /** The listings of `operation`: its calls that start one. */
    const listings = async (operation: "GetResourceShares" | "ListResources") =>
        (await emulator.admin.calls({ operation })).filter(isFirstPage);

    it("shows what will be shared, accepts once with the token, and waits for the association", async () => {
        const provider = acceptanceProvider();
        const checked = await provider.check({}, inputsFor(invitationArn));
        expect(checked.failures).to.deep.equal([]);
        expect(checked.inputs).to.deep.include({
            senderAccountId: SENDER.accountId,
            resourceShareName: "network",
            sharedResources: [{ arn: SUBNET, type: "ec2:Subnet" }],
        });

        const started = Date.now();
        const created = await provider.create(checked.inputs);
        expect(Date.now() - started).to.be.at.least(ASSOCIATION_DELAY_MS);
        expect(created.id).to.equal(invitationArn);
        expect(created.outs).to.deep.include({
            invitationArn,
            resourceShareArn: shareArn,
            resourceShareName: "network",
            senderAccountId: SENDER.accountId,
            receiverAccountId: RECEIVER.accountId,
            status: "ACCEPTED",
            shareStatus: "ACTIVE",
            associationStatus: "ASSOCIATED",
            sharedResources: [{ arn: SUBNET, type: "ec2:Subnet" }],
            clientToken: deriveAcceptanceClientToken(URN, invitationArn),
        });
        expect(Date.parse(created.outs!.acceptedAt!)).to.be.closeTo(Date.now(), 60_000);

        const accepts = await emulator.admin.calls({ operation: ACCEPT });
        expect(accepts).to.have.length(1);
        expect(accepts[0].parameters).to.deep.include({ clientToken: created.outs!.clientToken });
        // 1.5 s of delay: a poll at once, after 1 s and after 2 more: never more than one a second.
        const polls = await listings("GetResourceShares");
        expect(polls.length).to.be.within(2, 3);
    });

    it("lets the acceptances a process waits for at once share their association polls", async () => {
        const arns = await emulator.admin.seedPendingInvitations({
            sender: SENDER,
            receiver: RECEIVER,
            count: 6,
            regions: [REGION],
            namePrefix: "together",
            associationDelayMs: ASSOCIATION_DELAY_MS,
        });
        await emulator.admin.clearCalls();
        const provider = acceptanceProvider();
        const created = await Promise.all(arns.map((arn) => provider.create(inputsFor(arn))));
        expect(created.map((c) => c.outs?.associationStatus)).to.deep.equal(arns.map(() => "ASSOCIATED"));
        expect(await writes(ACCEPT)).to.have.length(6);
        // One round per pause (at once, after 1 s, after 2 more), for all six: not six times as many.
        const polls = await listings("GetResourceShares");
        expect(polls.length).to.be.within(2, 3);
        expect(await listings("ListResources")).to.have.length(1);
    });

    it("never shares a token with a rejection of the same resource and invitation", () => {
        expect(deriveAcceptanceClientToken(URN, invitationArn)).to.not.equal(deriveClientToken(URN, invitationArn));
        expect(deriveLeaveClientToken(deriveAcceptanceClientToken(URN, invitationArn), shareArn)).to.not.equal(
            deriveAcceptanceClientToken(URN, invitationArn),
        );
    });

    it("converges with one acceptance when the answer is lost after RAM committed it", async () => {
        await emulator.admin.setFaults(ACCEPT, { dropAfterCommitNext: 1 });
        const { created } = await checkedAndCreated(acceptanceProvider(), inputsFor(invitationArn));
        expect(created.outs?.status).to.equal("ACCEPTED");
        // A crash before Pulumi saved the state: the next run's create, in a new process, adopts it.
        const rerun = await acceptanceProvider().create(inputsFor(invitationArn));
        expect(rerun.outs?.associationStatus).to.equal("ASSOCIATED");
        expect(await writes(ACCEPT)).to.have.length(1);
    });

    it("adopts an invitation accepted elsewhere, with a write refused as already accepted", async () => {
        await emulator.admin.setInvitationStatus(invitationArn, "ACCEPTED");
        const { checked, created } = await checkedAndCreated(acceptanceProvider(), inputsFor(invitationArn));
        expect(checked.inputs).to.not.have.property("sharedResources");
        expect(created.outs).to.deep.include({ status: "ACCEPTED", associationStatus: "ASSOCIATED" });
        expect(await writes(ACCEPT)).to.have.length(0);
    });

    it("fails check on an invitation rejected elsewhere, expired or not found, saying what to do", async () => {
        const provider = acceptanceProvider();
        await ramClientAs(emulator.endpoint, RECEIVER, REGION).send(
            new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: invitationArn }),
        );
        const rejected = await provider.check({}, inputsFor(invitationArn));
        expect(rejected.failures?.[0].reason).to.contain(
            `Could not accept invitation ${invitationArn} (account ${RECEIVER.accountId} in region ${REGION}): ` +
                "it was already rejected, and a rejected invitation can no longer be accepted. " +
                "Ask the sender to share again",
        );
        await emulator.admin.advanceClock(8 * 24 * 60 * 60 * 1000);
        const expired = await acceptanceProvider().check({}, inputsFor(otherInvitationArn));
        expect(expired.failures?.[0].reason).to.contain("it expired (nobody answered it within seven days)");
        const missing =
            `arn:aws:ram:${REGION}:${SENDER.accountId}:resource-share-invitation/` +
            "00000000-0000-0000-0000-000000000000";
        const notFound = await provider.check({}, inputsFor(missing));
        expect(notFound.failures?.[0].reason).to.contain("RAM does not show this invitation");
        expect(await writes(ACCEPT)).to.have.length(0);
    });

    it("fails check on bad acceptance inputs before any call", async () => {
        const checked = await acceptanceProvider().check(
            {},
            inputsFor(invitationArn, { leaveShareOnDelete: "yes" as never, associationWaitSeconds: -1 }),
        );
        expect(checked.failures?.map((f) => f.property)).to.deep.equal([
            "leaveShareOnDelete",
            "associationWaitSeconds",
        ]);
        expect(await emulator.admin.calls({})).to.have.length(0);
    });

    it("names the share when the association never completes; the rerun does not accept again", async () => {
        await emulator.admin.setFaults(ACCEPT, { associationNeverCompletesNext: 1 });
        const provider = acceptanceProvider();
        const inputs = inputsFor(invitationArn, { associationWaitSeconds: 1 });
        const failure = await expectFailure(provider.create(inputs));
        expect(failure.message).to.contain(
            `Accepted ${invitationArn}, but share ${shareArn} ("network") was still not shared with account ` +
                `${RECEIVER.accountId} in region ${REGION} after waiting 1 s`,
        );
        expect(failure.message).to.contain("raise associationWaitSeconds");
        await expectFailure(acceptanceProvider().create(inputs));
        expect(await writes(ACCEPT)).to.have.length(1);
    });

    it("forgets on delete by default (no call), and leaves the share once with leaveShareOnDelete", async () => {
        const provider = acceptanceProvider();
        const { created } = await checkedAndCreated(provider, inputsFor(invitationArn));
        const before = (await emulator.admin.calls({})).length;
        await provider.delete(created.id, created.outs as AcceptanceState);
        expect(await emulator.admin.calls({})).to.have.length(before);

        const leaving = { ...(created.outs as AcceptanceState), leaveShareOnDelete: true };
        await provider.delete(created.id, leaving);
        // A delete retried after a crash sends the same token: RAM replays the answer.
        await acceptanceProvider().delete(created.id, leaving);
        const leaves = await emulator.admin.calls({ operation: "DisassociateResourceShare" });
        expect(leaves).to.have.length(2);
        expect(leaves.filter((c) => c.stateChanged)).to.have.length(1);
        expect(leaves[0].parameters).to.deep.include({
            resourceShareArn: shareArn,
            principals: [RECEIVER.accountId],
            clientToken: deriveLeaveClientToken(created.outs!.clientToken, shareArn),
        });
        const read = await acceptanceProvider().read(created.id, created.outs as AcceptanceState);
        expect(read.props).to.deep.include({ associationStatus: "DISASSOCIATED", sharedResources: [] });
    });

    it("reports a share its owner deleted on refresh, without failing or waiting", async () => {
        const { created } = await checkedAndCreated(acceptanceProvider(), inputsFor(invitationArn));
        await ramClientAs(emulator.endpoint, SENDER, REGION).send(
            new DeleteResourceShareCommand({ resourceShareArn: shareArn }),
        );
        const started = Date.now();
        const read = await acceptanceProvider().read(created.id, created.outs as AcceptanceState);
        expect(Date.now() - started).to.be.below(5_000);
        expect(read.props).to.deep.include({
            status: "ACCEPTED",
            shareStatus: "DELETED",
            associationStatus: "DISASSOCIATED",
            sharedResources: [],
        });
        // An invitation RAM no longer returns keeps its last known facts.
        await emulator.admin.removeInvitation(invitationArn);
        const after = await acceptanceProvider().read(created.id, read.props as AcceptanceState);
        expect(after.props).to.deep.include({ status: "ACCEPTED", resourceShareName: "network" });
    });

    it("imports an accepted invitation without a write, and refuses a pending one", async () => {
        await emulator.admin.setInvitationStatus(invitationArn, "ACCEPTED");
        const state = await importAcceptance(new RamSessions(), { invitationArn }, URN);
        expect(state).to.deep.include({
            status: "ACCEPTED",
            associationStatus: "ASSOCIATED",
            sharedResources: [{ arn: SUBNET, type: "ec2:Subnet" }],
            clientToken: deriveAcceptanceClientToken(URN, invitationArn),
        });
        const pending = await expectFailure(
            importAcceptance(new RamSessions(), { invitationArn: otherInvitationArn }, URN),
        );
        expect(pending.message).to.contain("it is PENDING, so there is no acceptance to import");
        expect((await emulator.admin.calls({})).filter((c) => c.stateChanged)).to.have.length(0);
    });
});
