/**
 * AcceptResourceShareInvitation and RejectResourceShareInvitation through the AWS SDK: each answer,
 * its client token, and every answer refused without a change of state.
 */
import {
    GetResourceSharesCommand,
    MalformedArnException,
    MissingRequiredParameterException,
    RejectResourceShareInvitationCommand,
    ResourceShareInvitationAlreadyAcceptedException,
    ResourceShareInvitationAlreadyRejectedException,
    ResourceShareInvitationArnNotFoundException,
    ResourceShareInvitationExpiredException,
} from "@aws-sdk/client-ram";
import { expect } from "chai";
import { INVITATION_LIFETIME_MS } from "../../../emulator";
import { RECEIVER, REGION } from "../helpers";
import {
    accept,
    bothStillPending,
    getInvitations,
    itRefuses,
    Refusal,
    reject,
    statusInState,
    unknownId,
    useBasicSeed,
    w,
} from "./operations-world";

/** The receiver rejects its invitation, then the admin API sets it ACCEPTED out of band. */
async function rejectedThenAccepted(): Promise<void> {
    await reject(w.receiver, w.invitationArn);
    await w.emulator.admin.setInvitationStatus(w.invitationArn, "ACCEPTED");
}

const ANSWER_REFUSALS: Refusal[] = [
    {
        title: "reject after reject",
        arrange: () => reject(w.receiver, w.invitationArn),
        call: () => reject(w.receiver, w.invitationArn),
        error: ResourceShareInvitationAlreadyRejectedException,
    },
    {
        title: "accept after reject",
        arrange: () => reject(w.receiver, w.invitationArn),
        call: () => accept(w.receiver, w.invitationArn),
        error: ResourceShareInvitationAlreadyRejectedException,
    },
    {
        title: "reject when ACCEPTED",
        arrange: rejectedThenAccepted,
        call: () => reject(w.receiver, w.invitationArn),
        error: ResourceShareInvitationAlreadyAcceptedException,
    },
    {
        title: "accept when ACCEPTED",
        arrange: rejectedThenAccepted,
        call: () => accept(w.receiver, w.invitationArn),
        error: ResourceShareInvitationAlreadyAcceptedException,
    },
    // Seven days after it was sent, a PENDING invitation has expired.
    {
        title: "reject when expired",
        arrange: () => w.emulator.admin.advanceClock(INVITATION_LIFETIME_MS),
        call: () => reject(w.receiver, w.invitationArn),
        error: ResourceShareInvitationExpiredException,
    },
    {
        title: "accept when expired",
        arrange: () => w.emulator.admin.advanceClock(INVITATION_LIFETIME_MS),
        call: () => accept(w.receiver, w.invitationArn),
        error: ResourceShareInvitationExpiredException,
    },
    // Never acting on another account's invitation: not found, and the state unchanged.
    {
        title: "reject another account's invitation",
        call: () => reject(w.receiver, w.bystanderInvitationArn),
        error: ResourceShareInvitationArnNotFoundException,
        afterwards: bothStillPending,
    },
    {
        title: "accept another account's invitation",
        call: () => accept(w.receiver, w.bystanderInvitationArn),
        error: ResourceShareInvitationArnNotFoundException,
        afterwards: bothStillPending,
    },
    // The sender cannot answer the invitation it sent.
    {
        title: "sender rejects",
        call: () => reject(w.sender, w.invitationArn),
        error: ResourceShareInvitationArnNotFoundException,
        afterwards: bothStillPending,
    },
    {
        title: "missing invitation ARN",
        call: () =>
            w.receiver.send(new RejectResourceShareInvitationCommand({} as { resourceShareInvitationArn: string })),
        error: MissingRequiredParameterException,
    },
    // A well-formed ARN, but of an EC2 subnet.
    {
        title: "ARN of another service",
        call: () => reject(w.receiver, "arn:aws:ec2:eu-west-1:111111111111:subnet/x"),
        error: MalformedArnException,
    },
    {
        title: "unknown invitation",
        call: () => reject(w.receiver, unknownId(w.invitationArn)),
        error: ResourceShareInvitationArnNotFoundException,
    },
];

describe("emulator: RAM operations through the AWS SDK", () => {
    useBasicSeed();

    describe("AcceptResourceShareInvitation and RejectResourceShareInvitation", () => {
        it("reject answers the invitation REJECTED and changes the state once", async () => {
            const { resourceShareInvitation, clientToken } = await reject(w.receiver, w.invitationArn, "token-1");
            expect(resourceShareInvitation).to.deep.include({
                resourceShareInvitationArn: w.invitationArn,
                status: "REJECTED",
            });
            expect(clientToken).to.equal("token-1");
            expect(await statusInState(w.invitationArn)).to.equal("REJECTED");
            const [call] = await w.emulator.admin.calls({ operation: "RejectResourceShareInvitation" });
            expect(call).to.deep.include({
                sequence: 1,
                operation: "RejectResourceShareInvitation",
                accountId: RECEIVER.accountId,
                callerArn: `arn:aws:iam::${RECEIVER.accountId}:root`,
                region: REGION,
                outcome: "ok",
                httpStatus: 200,
                stateChanged: true,
                idempotentReplay: false,
                connectionDropped: false,
            });
            expect(call.parameters).to.deep.equal({
                resourceShareInvitationArn: w.invitationArn,
                clientToken: "token-1",
            });
        });

        it("accept answers ACCEPTED, and the share then shows up for the receiver", async () => {
            const { resourceShareInvitation } = await accept(w.receiver, w.invitationArn);
            expect(resourceShareInvitation?.status).to.equal("ACCEPTED");
            const { resourceShares } = await w.receiver.send(
                new GetResourceSharesCommand({ resourceOwner: "OTHER-ACCOUNTS" }),
            );
            expect(resourceShares?.map((s) => s.resourceShareArn)).to.deep.equal([w.shareArn]);
        });

        // Answering once it has expired is refused (see the refusals below).
        it("expires a PENDING invitation seven days after it was sent", async () => {
            await w.emulator.admin.advanceClock(INVITATION_LIFETIME_MS - 60_000);
            expect(await statusInState(w.invitationArn)).to.equal("PENDING");
            await w.emulator.admin.advanceClock(60_000);
            const { resourceShareInvitations } = await getInvitations(w.receiver, {});
            expect(resourceShareInvitations?.[0].status).to.equal("EXPIRED");
        });

        describe("refuses", () => itRefuses(ANSWER_REFUSALS));
    });
});
