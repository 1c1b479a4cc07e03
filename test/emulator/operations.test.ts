import {
    AcceptResourceShareInvitationCommand,
    CreateResourceShareCommand,
    CreateResourceShareRequest,
    GetResourceShareInvitationsCommand,
    GetResourceSharesCommand,
    GetResourceSharesRequest,
    InvalidMaxResultsException,
    InvalidNextTokenException,
    InvalidParameterException,
    MalformedArnException,
    MissingRequiredParameterException,
    RAMClient,
    RejectResourceShareInvitationCommand,
    ResourceShareInvitationAlreadyAcceptedException,
    ResourceShareInvitationAlreadyRejectedException,
    ResourceShareInvitationArnNotFoundException,
    ResourceShareInvitationExpiredException,
    UnknownResourceException,
} from "@aws-sdk/client-ram";
import { expect } from "chai";
import { INVITATION_LIFETIME_MS, RunningEmulator, SeededState } from "../../emulator";
import {
    BASIC_SEED,
    BYSTANDER,
    emulatorResetPerTest,
    expectRamError,
    OTHER_REGION,
    ramClient,
    RECEIVER,
    REGION,
    SENDER,
} from "./helpers";

describe("emulator: RAM operations through the AWS SDK", () => {
    let emulator: RunningEmulator;
    let seeded: SeededState;
    let invitationArn: string;
    let shareArn: string;
    let bystanderInvitationArn: string;
    let sender: RAMClient;
    let receiver: RAMClient;
    let bystander: RAMClient;

    const suite = emulatorResetPerTest();
    before(() => {
        emulator = suite.emulator;
        sender = ramClient(emulator.endpoint, SENDER);
        receiver = ramClient(emulator.endpoint, RECEIVER);
        bystander = ramClient(emulator.endpoint, BYSTANDER);
    });

    beforeEach(async () => {
        seeded = await emulator.admin.seed(BASIC_SEED);
        shareArn = seeded.resourceShares[0].resourceShareArn;
        invitationArn = seeded.resourceShares[0].invitationArns[RECEIVER.accountId];
        bystanderInvitationArn = seeded.resourceShares[1].invitationArns[BYSTANDER.accountId];
    });

    const reject = (client: RAMClient, arn: string, clientToken?: string) =>
        client.send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: arn, clientToken }));
    const accept = (client: RAMClient, arn: string) =>
        client.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: arn }));
    const statusInState = async (arn: string) =>
        (await emulator.admin.state()).invitations.find((i) => i.resourceShareInvitationArn === arn)?.status;

    describe("seeding", () => {
        it("names shares and invitations as RAM does: the invitation carries the sender account", () => {
            expect(shareArn).to.match(/^arn:aws:ram:eu-west-1:111111111111:resource-share\/[0-9a-f-]{36}$/);
            expect(invitationArn).to.match(
                /^arn:aws:ram:eu-west-1:111111111111:resource-share-invitation\/[0-9a-f-]{36}$/,
            );
            expect(seeded.accounts.map((a) => a.accountId)).to.deep.equal([
                SENDER.accountId,
                RECEIVER.accountId,
                BYSTANDER.accountId,
            ]);
        });
    });

    describe("GetResourceShareInvitations", () => {
        it("lists the invitations the caller received, with Date timestamps", async () => {
            const { resourceShareInvitations } = await receiver.send(new GetResourceShareInvitationsCommand({}));
            expect(resourceShareInvitations).to.have.length(1);
            const [invitation] = resourceShareInvitations!;
            expect(invitation).to.deep.include({
                resourceShareInvitationArn: invitationArn,
                resourceShareArn: shareArn,
                resourceShareName: "subnets",
                senderAccountId: SENDER.accountId,
                receiverAccountId: RECEIVER.accountId,
                status: "PENDING",
            });
            expect(invitation.invitationTimestamp).to.be.instanceOf(Date);
            expect(Math.abs(invitation.invitationTimestamp!.getTime() - Date.now())).to.be.lessThan(60_000);
        });

        it("finds invitations by invitation ARN and by share ARN", async () => {
            const byArn = await receiver.send(
                new GetResourceShareInvitationsCommand({ resourceShareInvitationArns: [invitationArn] }),
            );
            expect(byArn.resourceShareInvitations?.map((i) => i.resourceShareInvitationArn)).to.deep.equal([
                invitationArn,
            ]);
            const byShare = await receiver.send(
                new GetResourceShareInvitationsCommand({ resourceShareArns: [shareArn] }),
            );
            expect(byShare.resourceShareInvitations?.map((i) => i.resourceShareInvitationArn)).to.deep.equal([
                invitationArn,
            ]);
            const theirShare = seeded.resourceShares[1].resourceShareArn;
            const none = await receiver.send(
                new GetResourceShareInvitationsCommand({ resourceShareArns: [theirShare] }),
            );
            expect(none.resourceShareInvitations).to.deep.equal([]);
        });

        it("pages with maxResults and nextToken", async () => {
            const many = await emulator.admin.seed({
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
                const page = await receiver.send(new GetResourceShareInvitationsCommand({ maxResults: 1, nextToken }));
                expect(page.resourceShareInvitations).to.have.length(1);
                seen.push(page.resourceShareInvitations![0].resourceShareName!);
                nextToken = page.nextToken;
            } while (nextToken);
            expect(seen).to.deep.equal(["subnets", "a", "b", "c"]);
            expect(many.resourceShares).to.have.length(3);
        });

        it("refuses maxResults outside 1..500 and made-up or foreign next tokens", async () => {
            for (const maxResults of [0, 501]) {
                await expectRamError(
                    receiver.send(new GetResourceShareInvitationsCommand({ maxResults })),
                    InvalidMaxResultsException,
                    400,
                );
            }
            await expectRamError(
                receiver.send(new GetResourceShareInvitationsCommand({ nextToken: "not-a-token" })),
                InvalidNextTokenException,
                400,
            );
            await emulator.admin.seed({
                accounts: [],
                resourceShares: [
                    { name: "x", ownerAccountId: SENDER.accountId, region: REGION, principals: [RECEIVER.accountId] },
                ],
            });
            const { nextToken } = await receiver.send(new GetResourceShareInvitationsCommand({ maxResults: 1 }));
            await expectRamError(
                receiver.send(
                    new GetResourceShareInvitationsCommand({ maxResults: 1, nextToken, resourceShareArns: [shareArn] }),
                ),
                InvalidNextTokenException,
                400,
            );
        });

        it("answers another account's invitation as not found, and an unknown share as unknown", async () => {
            await expectRamError(
                receiver.send(
                    new GetResourceShareInvitationsCommand({ resourceShareInvitationArns: [bystanderInvitationArn] }),
                ),
                ResourceShareInvitationArnNotFoundException,
                400,
            );
            // The sender does not see the invitations it sent either: RAM lists received ones.
            await expectRamError(
                sender.send(new GetResourceShareInvitationsCommand({ resourceShareInvitationArns: [invitationArn] })),
                ResourceShareInvitationArnNotFoundException,
                400,
            );
            const unknownShare = shareArn.replace(/[0-9a-f]{8}-/, "00000000-");
            await expectRamError(
                receiver.send(new GetResourceShareInvitationsCommand({ resourceShareArns: [unknownShare] })),
                UnknownResourceException,
                400,
            );
        });

        it("refuses malformed ARNs", async () => {
            for (const arn of ["nope", shareArn, "arn:aws:ram:eu-west-1:111111111111:resource-share-invitation/"]) {
                await expectRamError(
                    receiver.send(new GetResourceShareInvitationsCommand({ resourceShareInvitationArns: [arn] })),
                    MalformedArnException,
                    400,
                );
            }
            await expectRamError(
                receiver.send(new GetResourceShareInvitationsCommand({ resourceShareArns: [invitationArn] })),
                MalformedArnException,
                400,
            );
        });

        it("serves every region from one endpoint, each region seeing only its own invitations", async () => {
            const otherRegion = ramClient(emulator.endpoint, RECEIVER, { region: OTHER_REGION });
            const { resourceShareInvitations } = await otherRegion.send(new GetResourceShareInvitationsCommand({}));
            expect(resourceShareInvitations).to.deep.equal([]);
            await expectRamError(reject(otherRegion, invitationArn), ResourceShareInvitationArnNotFoundException, 400);
            expect(await statusInState(invitationArn)).to.equal("PENDING");
        });

        it("hides an invitation until it becomes visible (eventual consistency)", async () => {
            const late = await emulator.admin.seed({
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
            await expectRamError(reject(receiver, lateArn), ResourceShareInvitationArnNotFoundException, 400);
            const listed = await receiver.send(new GetResourceShareInvitationsCommand({}));
            expect(listed.resourceShareInvitations?.map((i) => i.resourceShareInvitationArn)).to.deep.equal([
                invitationArn,
            ]);

            await emulator.admin.advanceClock(60_000);
            const rejected = await reject(receiver, lateArn);
            expect(rejected.resourceShareInvitation?.status).to.equal("REJECTED");
        });
    });

    describe("AcceptResourceShareInvitation and RejectResourceShareInvitation", () => {
        it("reject answers the invitation REJECTED and changes the state once", async () => {
            const { resourceShareInvitation, clientToken } = await reject(receiver, invitationArn, "token-1");
            expect(resourceShareInvitation).to.deep.include({
                resourceShareInvitationArn: invitationArn,
                status: "REJECTED",
            });
            expect(clientToken).to.equal("token-1");
            expect(await statusInState(invitationArn)).to.equal("REJECTED");
            const [call] = await emulator.admin.calls({ operation: "RejectResourceShareInvitation" });
            expect(call).to.deep.include({
                sequence: 1,
                operation: "RejectResourceShareInvitation",
                accountId: RECEIVER.accountId,
                region: REGION,
                outcome: "ok",
                httpStatus: 200,
                stateChanged: true,
                idempotentReplay: false,
                connectionDropped: false,
            });
            expect(call.parameters).to.deep.equal({
                resourceShareInvitationArn: invitationArn,
                clientToken: "token-1",
            });
        });

        it("accept answers ACCEPTED, and the share then shows up for the receiver", async () => {
            const { resourceShareInvitation } = await accept(receiver, invitationArn);
            expect(resourceShareInvitation?.status).to.equal("ACCEPTED");
            const { resourceShares } = await receiver.send(
                new GetResourceSharesCommand({ resourceOwner: "OTHER-ACCOUNTS" }),
            );
            expect(resourceShares?.map((s) => s.resourceShareArn)).to.deep.equal([shareArn]);
        });

        it("refuses to answer an invitation twice, naming what it already is", async () => {
            await reject(receiver, invitationArn);
            await expectRamError(reject(receiver, invitationArn), ResourceShareInvitationAlreadyRejectedException, 400);
            await expectRamError(accept(receiver, invitationArn), ResourceShareInvitationAlreadyRejectedException, 400);
            await emulator.admin.setInvitationStatus(invitationArn, "ACCEPTED");
            await expectRamError(reject(receiver, invitationArn), ResourceShareInvitationAlreadyAcceptedException, 400);
            await expectRamError(accept(receiver, invitationArn), ResourceShareInvitationAlreadyAcceptedException, 400);
        });

        it("expires a PENDING invitation seven days after it was sent", async () => {
            await emulator.admin.advanceClock(INVITATION_LIFETIME_MS - 60_000);
            expect(await statusInState(invitationArn)).to.equal("PENDING");
            await emulator.admin.advanceClock(60_000);
            await expectRamError(reject(receiver, invitationArn), ResourceShareInvitationExpiredException, 400);
            await expectRamError(accept(receiver, invitationArn), ResourceShareInvitationExpiredException, 400);
            const { resourceShareInvitations } = await receiver.send(new GetResourceShareInvitationsCommand({}));
            expect(resourceShareInvitations?.[0].status).to.equal("EXPIRED");
        });

        it("never acts on another account's invitation: not found, state unchanged", async () => {
            await expectRamError(
                reject(receiver, bystanderInvitationArn),
                ResourceShareInvitationArnNotFoundException,
                400,
            );
            await expectRamError(
                accept(receiver, bystanderInvitationArn),
                ResourceShareInvitationArnNotFoundException,
                400,
            );
            await expectRamError(reject(sender, invitationArn), ResourceShareInvitationArnNotFoundException, 400);
            expect(await statusInState(bystanderInvitationArn)).to.equal("PENDING");
            expect(await statusInState(invitationArn)).to.equal("PENDING");
            expect((await emulator.admin.calls()).every((c) => !c.stateChanged)).to.equal(true);
        });

        it("refuses a missing, malformed or unknown invitation ARN", async () => {
            await expectRamError(
                receiver.send(new RejectResourceShareInvitationCommand({} as { resourceShareInvitationArn: string })),
                MissingRequiredParameterException,
                400,
            );
            await expectRamError(
                reject(receiver, "arn:aws:ec2:eu-west-1:111111111111:subnet/x"),
                MalformedArnException,
                400,
            );
            await expectRamError(
                reject(receiver, invitationArn.replace(/[0-9a-f]{8}-/, "00000000-")),
                ResourceShareInvitationArnNotFoundException,
                400,
            );
        });

        it("lets an invitation removed out of band vanish, as RAM stops returning old ones", async () => {
            await emulator.admin.removeInvitation(invitationArn);
            await expectRamError(
                receiver.send(new GetResourceShareInvitationsCommand({ resourceShareInvitationArns: [invitationArn] })),
                ResourceShareInvitationArnNotFoundException,
                400,
            );
        });
    });

    describe("CreateResourceShare and GetResourceShares", () => {
        const create = (client: RAMClient, input: Partial<CreateResourceShareRequest>) =>
            client.send(new CreateResourceShareCommand(input as CreateResourceShareRequest));

        it("creates a share whose principals each get a PENDING invitation from the sender's account", async () => {
            const { resourceShare, clientToken } = await create(sender, {
                name: "databases",
                principals: [RECEIVER.accountId, BYSTANDER.accountId],
                resourceArns: ["arn:aws:rds:eu-west-1:111111111111:cluster:db"],
                tags: [{ key: "team", value: "platform" }],
            });
            expect(resourceShare).to.deep.include({
                name: "databases",
                owningAccountId: SENDER.accountId,
                allowExternalPrincipals: true,
                status: "ACTIVE",
            });
            expect(resourceShare?.creationTime).to.be.instanceOf(Date);
            expect(clientToken).to.be.a("string").and.have.length.greaterThan(0);

            for (const client of [receiver, bystander]) {
                const { resourceShareInvitations } = await client.send(
                    new GetResourceShareInvitationsCommand({ resourceShareArns: [resourceShare!.resourceShareArn!] }),
                );
                expect(resourceShareInvitations).to.have.length(1);
                expect(resourceShareInvitations![0]).to.deep.include({
                    senderAccountId: SENDER.accountId,
                    status: "PENDING",
                });
                expect(resourceShareInvitations![0].resourceShareInvitationArn).to.match(
                    /^arn:aws:ram:eu-west-1:111111111111:resource-share-invitation\//,
                );
            }
        });

        it("refuses a missing name, the owner as principal, and malformed ARNs", async () => {
            await expectRamError(
                create(sender, { principals: [RECEIVER.accountId] }),
                MissingRequiredParameterException,
                400,
            );
            await expectRamError(
                create(sender, { name: "x", principals: [SENDER.accountId] }),
                InvalidParameterException,
                400,
            );
            await expectRamError(create(sender, { name: "x", principals: ["arn:nope"] }), MalformedArnException, 400);
            await expectRamError(create(sender, { name: "x", resourceArns: ["subnet-1"] }), MalformedArnException, 400);
        });

        it("lists own shares (SELF) and accepted ones (OTHER-ACCOUNTS), with filters", async () => {
            const shares = (input: GetResourceSharesRequest, client = sender) =>
                client.send(new GetResourceSharesCommand(input)).then((r) => r.resourceShares?.map((s) => s.name));
            expect(await shares({ resourceOwner: "SELF" })).to.deep.equal(["subnets", "for-bystander"]);
            expect(await shares({ resourceOwner: "SELF", name: "subnets" })).to.deep.equal(["subnets"]);
            expect(await shares({ resourceOwner: "SELF", resourceShareArns: [shareArn] })).to.deep.equal(["subnets"]);
            expect(await shares({ resourceOwner: "SELF", resourceShareStatus: "DELETED" })).to.deep.equal([]);
            expect(await shares({ resourceOwner: "OTHER-ACCOUNTS" }, receiver)).to.deep.equal([]);
            await accept(receiver, invitationArn);
            expect(await shares({ resourceOwner: "OTHER-ACCOUNTS" }, receiver)).to.deep.equal(["subnets"]);
        });

        it("refuses a bad resourceOwner or maxResults with InvalidParameterException", async () => {
            await expectRamError(
                sender.send(new GetResourceSharesCommand({ resourceOwner: "EVERYONE" as "SELF" })),
                InvalidParameterException,
                400,
            );
            await expectRamError(
                sender.send(new GetResourceSharesCommand({ resourceOwner: "SELF", maxResults: 0 })),
                InvalidParameterException,
                400,
            );
            await expectRamError(
                sender.send(new GetResourceSharesCommand({} as GetResourceSharesRequest)),
                MissingRequiredParameterException,
                400,
            );
        });
    });
});
