/**
 * What acceptance changes in the emulator, through the real SDK: the receiver's association with
 * the share (ASSOCIATING, then ASSOCIATED after the share's delay, or never under the fault), the
 * resources a receiver sees before and after, leaving a share, and a share deleted by its owner.
 */
import {
    AcceptResourceShareInvitationCommand,
    DeleteResourceShareCommand,
    DisassociateResourceShareCommand,
    GetResourceSharesCommand,
    InvalidStateTransitionException,
    ListPendingInvitationResourcesCommand,
    ListResourcesCommand,
    OperationNotPermittedException,
    RAMClient,
    RejectResourceShareInvitationCommand,
    ResourceShareInvitationAlreadyRejectedException,
    UnknownResourceException,
} from "@aws-sdk/client-ram";
import { expect } from "chai";
import type { RunningEmulator } from "../../../emulator";
import { expectRamError, ramClient, RECEIVER, REGION, SENDER } from "../helpers";
import { emulatorPerSuite } from "../../support/emulator-suite";

const SUBNET = `arn:aws:ec2:${REGION}:${SENDER.accountId}:subnet/subnet-0abc`;
const ZONE = `arn:aws:route53resolver:${REGION}:${SENDER.accountId}:resolver-rule/rslvr-rr-1`;

describe("emulator: acceptance, association and leaving", () => {
    const suite = emulatorPerSuite();
    let emulator: RunningEmulator;
    let sender: RAMClient;
    let receiver: RAMClient;
    let shareArn: string;
    let invitationArn: string;

    before(() => {
        emulator = suite.emulator;
        sender = ramClient(emulator.endpoint, SENDER);
        receiver = ramClient(emulator.endpoint, RECEIVER);
    });

    beforeEach(async () => {
        await emulator.admin.reset();
        const seeded = await emulator.admin.seed({
            accounts: [SENDER, RECEIVER],
            resourceShares: [
                {
                    name: "network",
                    ownerAccountId: SENDER.accountId,
                    region: REGION,
                    principals: [RECEIVER.accountId],
                    resourceArns: [SUBNET, ZONE],
                    associationDelayMs: 30_000,
                },
            ],
        });
        shareArn = seeded.resourceShares[0].resourceShareArn;
        invitationArn = seeded.resourceShares[0].invitationArns[RECEIVER.accountId];
    });

    const sharedWithReceiver = async () =>
        (await receiver.send(new GetResourceSharesCommand({ resourceOwner: "OTHER-ACCOUNTS" }))).resourceShares ?? [];
    const receiverResources = async () =>
        (await receiver.send(new ListResourcesCommand({ resourceOwner: "OTHER-ACCOUNTS" }))).resources ?? [];
    const accept = (clientToken?: string) =>
        receiver.send(
            new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitationArn, clientToken }),
        );
    const leave = (clientToken?: string) =>
        receiver.send(
            new DisassociateResourceShareCommand({
                resourceShareArn: shareArn,
                principals: [RECEIVER.accountId],
                clientToken,
            }),
        );

    it("shows a receiver the resources of a pending invitation, with types from their ARNs", async () => {
        const { resources } = await receiver.send(
            new ListPendingInvitationResourcesCommand({ resourceShareInvitationArn: invitationArn }),
        );
        expect(resources?.map((r) => [r.arn, r.type, r.resourceShareArn])).to.deep.equal([
            [SUBNET, "ec2:Subnet", shareArn],
            [ZONE, "route53resolver:Resolver-rule", shareArn],
        ]);
        expect(await receiverResources()).to.deep.equal([]);
    });

    it("associates an acceptance only after the share's delay: until then nothing is shared", async () => {
        const { resourceShareInvitation } = await accept();
        expect(resourceShareInvitation?.status).to.equal("ACCEPTED");
        expect(await sharedWithReceiver()).to.deep.equal([]);
        expect(await receiverResources()).to.deep.equal([]);

        await emulator.admin.advanceClock(30_000);
        const shares = await sharedWithReceiver();
        expect(shares.map((s) => [s.resourceShareArn, s.status, s.owningAccountId])).to.deep.equal([
            [shareArn, "ACTIVE", SENDER.accountId],
        ]);
        expect((await receiverResources()).map((r) => r.arn)).to.deep.equal([SUBNET, ZONE]);
        const filtered = await receiver.send(
            new ListResourcesCommand({ resourceOwner: "OTHER-ACCOUNTS", resourceType: "ec2:subnet" }),
        );
        expect(filtered.resources?.map((r) => r.arn)).to.deep.equal([SUBNET]);
    });

    it("never associates an acceptance under associationNeverCompletesNext, and only the next N", async () => {
        await emulator.admin.setFaults("AcceptResourceShareInvitation", { associationNeverCompletesNext: 1 });
        await accept();
        await emulator.admin.advanceClock(24 * 60 * 60 * 1000);
        expect(await sharedWithReceiver()).to.deep.equal([]);
        expect((await emulator.admin.state()).faults.AcceptResourceShareInvitation).to.deep.include({
            associationNeverCompletesNext: 0,
        });
    });

    it("lets a receiver leave an associated share, once, and only for its own account", async () => {
        await accept();
        await emulator.admin.advanceClock(30_000);
        await expectRamError(
            receiver.send(
                new DisassociateResourceShareCommand({ resourceShareArn: shareArn, principals: [SENDER.accountId] }),
            ),
            OperationNotPermittedException,
            400,
        );
        const left = await leave("leave-token-1");
        expect(left.resourceShareAssociations?.map((a) => [a.associatedEntity, a.status])).to.deep.equal([
            [RECEIVER.accountId, "DISASSOCIATING"],
        ]);
        expect(await sharedWithReceiver()).to.deep.equal([]);
        expect(await receiverResources()).to.deep.equal([]);
        // The same token replays the first answer; a new request finds nothing left to leave.
        expect((await leave("leave-token-1")).resourceShareAssociations).to.have.length(1);
        await expectRamError(leave("leave-token-2"), UnknownResourceException, 400);
        const calls = await emulator.admin.calls({ operation: "DisassociateResourceShare" });
        expect(calls.filter((c) => c.stateChanged)).to.have.length(1);
    });

    it("describes a share its owner deleted as DELETED to an associated receiver, with no resources", async () => {
        await accept();
        await emulator.admin.advanceClock(30_000);
        await sender.send(new DeleteResourceShareCommand({ resourceShareArn: shareArn }));
        const shares = await sharedWithReceiver();
        expect(shares.map((s) => [s.resourceShareArn, s.status])).to.deep.equal([[shareArn, "DELETED"]]);
        expect(await receiverResources()).to.deep.equal([]);
        await expectRamError(leave(), UnknownResourceException, 400);
        await expectRamError(
            sender.send(new DeleteResourceShareCommand({ resourceShareArn: shareArn })),
            InvalidStateTransitionException,
            400,
        );
    });

    it("lets only the owner delete a share", async () => {
        await expectRamError(
            receiver.send(new DeleteResourceShareCommand({ resourceShareArn: shareArn })),
            OperationNotPermittedException,
            400,
        );
    });

    it("answers a rejected invitation's pending resources with RAM's error for it", async () => {
        await receiver.send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: invitationArn }));
        await expectRamError(
            receiver.send(new ListPendingInvitationResourcesCommand({ resourceShareInvitationArn: invitationArn })),
            ResourceShareInvitationAlreadyRejectedException,
            400,
        );
    });
});
