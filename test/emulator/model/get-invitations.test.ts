/**
 * GetResourceShareInvitations through the AWS SDK: what the caller received, filters, pages,
 * expiry, and every request it refuses without a change of state.
 */
import {
    InvalidMaxResultsException,
    InvalidNextTokenException,
    MalformedArnException,
    ResourceShareInvitationArnNotFoundException,
    UnknownResourceException,
} from "@aws-sdk/client-ram";
import { expect } from "chai";
import { expectRamError, OTHER_REGION, ramClient, RECEIVER, REGION, SENDER } from "../helpers";
import {
    getInvitations,
    itRefuses,
    Refusal,
    reject,
    statusInState,
    unknownId,
    useBasicSeed,
    w,
} from "./operations-world";

const GET_INVITATIONS_REFUSALS: Refusal[] = [
    {
        title: "maxResults 0",
        call: () => getInvitations(w.receiver, { maxResults: 0 }),
        error: InvalidMaxResultsException,
    },
    {
        title: "maxResults 501",
        call: () => getInvitations(w.receiver, { maxResults: 501 }),
        error: InvalidMaxResultsException,
    },
    {
        title: "made-up nextToken",
        call: () => getInvitations(w.receiver, { nextToken: "not-a-token" }),
        error: InvalidNextTokenException,
    },
    // A token continues only the listing it came from: here one of all invitations, sent with a share filter.
    {
        title: "nextToken of another listing",
        arrange: () =>
            w.emulator.admin.seed({
                accounts: [],
                resourceShares: [
                    { name: "x", ownerAccountId: SENDER.accountId, region: REGION, principals: [RECEIVER.accountId] },
                ],
            }),
        call: async () => {
            const { nextToken } = await getInvitations(w.receiver, { maxResults: 1 });
            return getInvitations(w.receiver, { maxResults: 1, nextToken, resourceShareArns: [w.shareArn] });
        },
        error: InvalidNextTokenException,
    },
    {
        title: "another account's invitation",
        call: () => getInvitations(w.receiver, { resourceShareInvitationArns: [w.bystanderInvitationArn] }),
        error: ResourceShareInvitationArnNotFoundException,
    },
    // The sender does not see the invitations it sent either: RAM lists received ones.
    {
        title: "the sender's own invitation",
        call: () => getInvitations(w.sender, { resourceShareInvitationArns: [w.invitationArn] }),
        error: ResourceShareInvitationArnNotFoundException,
    },
    // RAM "no longer returns" an invitation the admin API removed.
    {
        title: "removed invitation",
        arrange: () => w.emulator.admin.removeInvitation(w.invitationArn),
        call: () => getInvitations(w.receiver, { resourceShareInvitationArns: [w.invitationArn] }),
        error: ResourceShareInvitationArnNotFoundException,
    },
    {
        title: "unknown share",
        call: () => getInvitations(w.receiver, { resourceShareArns: [unknownId(w.shareArn)] }),
        error: UnknownResourceException,
    },
    {
        title: "invitation ARN that is no ARN",
        call: () => getInvitations(w.receiver, { resourceShareInvitationArns: ["nope"] }),
        error: MalformedArnException,
    },
    {
        title: "share ARN as invitation ARN",
        call: () => getInvitations(w.receiver, { resourceShareInvitationArns: [w.shareArn] }),
        error: MalformedArnException,
    },
    // The ARN ends where the invitation's id should be.
    {
        title: "invitation ARN without id",
        call: () =>
            getInvitations(w.receiver, {
                resourceShareInvitationArns: ["arn:aws:ram:eu-west-1:111111111111:resource-share-invitation/"],
            }),
        error: MalformedArnException,
    },
    {
        title: "invitation ARN as share ARN",
        call: () => getInvitations(w.receiver, { resourceShareArns: [w.invitationArn] }),
        error: MalformedArnException,
    },
];

describe("emulator: RAM operations through the AWS SDK", () => {
    useBasicSeed();

    describe("GetResourceShareInvitations", () => {
        it("lists the invitations the caller received, with Date timestamps", async () => {
            const { resourceShareInvitations } = await getInvitations(w.receiver, {});
            expect(resourceShareInvitations).to.have.length(1);
            const [invitation] = resourceShareInvitations!;
            expect(invitation).to.deep.include({
                resourceShareInvitationArn: w.invitationArn,
                resourceShareArn: w.shareArn,
                resourceShareName: "subnets",
                senderAccountId: SENDER.accountId,
                receiverAccountId: RECEIVER.accountId,
                status: "PENDING",
            });
            expect(invitation.invitationTimestamp).to.be.instanceOf(Date);
            expect(Math.abs(invitation.invitationTimestamp!.getTime() - Date.now())).to.be.lessThan(60_000);
        });

        it("finds invitations by invitation ARN and by share ARN", async () => {
            const byArn = await getInvitations(w.receiver, { resourceShareInvitationArns: [w.invitationArn] });
            expect(byArn.resourceShareInvitations?.map((i) => i.resourceShareInvitationArn)).to.deep.equal([
                w.invitationArn,
            ]);
            const byShare = await getInvitations(w.receiver, { resourceShareArns: [w.shareArn] });
            expect(byShare.resourceShareInvitations?.map((i) => i.resourceShareInvitationArn)).to.deep.equal([
                w.invitationArn,
            ]);
            const theirShare = w.seeded.resourceShares[1].resourceShareArn;
            const none = await getInvitations(w.receiver, { resourceShareArns: [theirShare] });
            expect(none.resourceShareInvitations).to.deep.equal([]);
        });

        it("pages with maxResults and nextToken", async () => {
            const many = await w.emulator.admin.seed({
                accounts: [],
                resourceShares: ["a", "b", "c"].map((name) => ({
                    name,
                    ownerAccountId: SENDER.accountId,
                    region: REGION,
                    principals: [RECEIVER.accountId],
                })),
            });
            const seen: string[] = [];
            let nextToken: string | undefined;
            do {
                const page = await getInvitations(w.receiver, { maxResults: 1, nextToken });
                expect(page.resourceShareInvitations).to.have.length(1);
                seen.push(page.resourceShareInvitations![0].resourceShareName!);
                nextToken = page.nextToken;
            } while (nextToken);
            expect(seen).to.deep.equal(["subnets", "a", "b", "c"]);
            expect(many.resourceShares).to.have.length(3);
        });

        it("serves every region from one endpoint, each region seeing only its own invitations", async () => {
            const otherRegion = ramClient(w.emulator.endpoint, RECEIVER, { region: OTHER_REGION });
            const { resourceShareInvitations } = await getInvitations(otherRegion, {});
            expect(resourceShareInvitations).to.deep.equal([]);
            await expectRamError(
                reject(otherRegion, w.invitationArn),
                ResourceShareInvitationArnNotFoundException,
                400,
            );
            expect(await statusInState(w.invitationArn)).to.equal("PENDING");
        });

        it("hides an invitation until it becomes visible (eventual consistency)", async () => {
            const late = await w.emulator.admin.seed({
                accounts: [],
                resourceShares: [
                    {
                        name: "late",
                        ownerAccountId: SENDER.accountId,
                        region: REGION,
                        principals: [RECEIVER.accountId],
                        invitationVisibleAfterMs: 60_000,
                    },
                ],
            });
            const lateArn = late.resourceShares[0].invitationArns[RECEIVER.accountId];
            await expectRamError(reject(w.receiver, lateArn), ResourceShareInvitationArnNotFoundException, 400);
            const listed = await getInvitations(w.receiver, {});
            expect(listed.resourceShareInvitations?.map((i) => i.resourceShareInvitationArn)).to.deep.equal([
                w.invitationArn,
            ]);

            await w.emulator.admin.advanceClock(60_000);
            const rejected = await reject(w.receiver, lateArn);
            expect(rejected.resourceShareInvitation?.status).to.equal("REJECTED");
        });

        describe("refuses", () => itRefuses(GET_INVITATIONS_REFUSALS));
    });
});
