import {
    AcceptResourceShareInvitationCommand,
    CreateResourceShareCommand,
    CreateResourceShareRequest,
    GetResourceShareInvitationsCommand,
    GetResourceShareInvitationsRequest,
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
import { INVITATION_LIFETIME_MS, RunningEmulator, SeededState } from "../../../emulator";
import {
    BASIC_SEED,
    BYSTANDER,
    ErrorClass,
    expectRamError,
    OTHER_REGION,
    ramClient,
    RECEIVER,
    REGION,
    SENDER,
} from "../helpers";
import { emulatorPerSuite } from "../../support/emulator-suite";

/** What the tests act on: a client per account and the ARNs of {@link BASIC_SEED}, seeded before each test. */
interface World {
    emulator: RunningEmulator;
    seeded: SeededState;
    sender: RAMClient;
    receiver: RAMClient;
    bystander: RAMClient;
    /** The sender's share with the receiver, and the receiver's invitation to it. */
    shareArn: string;
    invitationArn: string;
    /** The bystander's invitation to the sender's other share. */
    bystanderInvitationArn: string;
}

const w = {} as World;

const reject = (client: RAMClient, arn: string, clientToken?: string) =>
    client.send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: arn, clientToken }));
const accept = (client: RAMClient, arn: string) =>
    client.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: arn }));
const getInvitations = (client: RAMClient, input: GetResourceShareInvitationsRequest) =>
    client.send(new GetResourceShareInvitationsCommand(input));
const create = (client: RAMClient, input: Partial<CreateResourceShareRequest>) =>
    client.send(new CreateResourceShareCommand(input as CreateResourceShareRequest));
const statusInState = async (arn: string) =>
    (await w.emulator.admin.state()).invitations.find((i) => i.resourceShareInvitationArn === arn)?.status;
/** The same ARN with another id: well-formed, but nothing has it. */
const unknownId = (arn: string) => arn.replace(/[0-9a-f]{8}-/, "00000000-");

/** A call an operation must refuse, with the typed error (HTTP 400) the SDK must surface. */
interface Refusal {
    /** Short; the detail goes in a comment above the case. */
    title: string;
    /** Puts in place the state the call meets. */
    arrange?: () => Promise<unknown>;
    call: () => Promise<unknown>;
    error: ErrorClass & { name: string };
    /** Checks particular to the case, after the refusal. */
    afterwards?: () => Promise<void>;
}

/**
 * One test per case: the call is refused with its error, and changes nothing: the shares,
 * invitations and client tokens are as they were, and no call logged a change of state.
 */
function itRefuses(cases: Refusal[]): void {
    for (const c of cases) {
        it(`${c.title}: ${c.error.name}`, async () => {
            await c.arrange?.();
            await w.emulator.admin.clearCalls();
            const held = async () => {
                const { resourceShares, invitations, clientTokenCount } = await w.emulator.admin.state();
                return { resourceShares, invitations, clientTokenCount };
            };
            const before = await held();
            await expectRamError(c.call(), c.error, 400);
            expect(await held()).to.deep.equal(before);
            const calls = await w.emulator.admin.calls();
            expect(calls).to.not.deep.equal([]);
            expect(calls.every((call) => !call.stateChanged)).to.equal(true);
            await c.afterwards?.();
        });
    }
}

/** The receiver's invitation and the bystander's are both still PENDING. */
async function bothStillPending(): Promise<void> {
    expect(await statusInState(w.bystanderInvitationArn)).to.equal("PENDING");
    expect(await statusInState(w.invitationArn)).to.equal("PENDING");
}

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

const CREATE_REFUSALS: Refusal[] = [
    {
        title: "missing name",
        call: () => create(w.sender, { principals: [RECEIVER.accountId] }),
        error: MissingRequiredParameterException,
    },
    {
        title: "owner as principal",
        call: () => create(w.sender, { name: "x", principals: [SENDER.accountId] }),
        error: InvalidParameterException,
    },
    {
        title: "malformed principal ARN",
        call: () => create(w.sender, { name: "x", principals: ["arn:nope"] }),
        error: MalformedArnException,
    },
    // Resources are named by ARN, not by id.
    {
        title: "resource that is no ARN",
        call: () => create(w.sender, { name: "x", resourceArns: ["subnet-1"] }),
        error: MalformedArnException,
    },
];

const GET_SHARES_REFUSALS: Refusal[] = [
    {
        title: "unknown resourceOwner",
        call: () => w.sender.send(new GetResourceSharesCommand({ resourceOwner: "EVERYONE" as "SELF" })),
        error: InvalidParameterException,
    },
    // GetResourceShares answers a bad page size with InvalidParameterException, not InvalidMaxResultsException.
    {
        title: "maxResults 0",
        call: () => w.sender.send(new GetResourceSharesCommand({ resourceOwner: "SELF", maxResults: 0 })),
        error: InvalidParameterException,
    },
    {
        title: "missing resourceOwner",
        call: () => w.sender.send(new GetResourceSharesCommand({} as GetResourceSharesRequest)),
        error: MissingRequiredParameterException,
    },
];

describe("emulator: RAM operations through the AWS SDK", () => {
    const suite = emulatorPerSuite();
    before(() => {
        w.emulator = suite.emulator;
        w.sender = ramClient(w.emulator.endpoint, SENDER);
        w.receiver = ramClient(w.emulator.endpoint, RECEIVER);
        w.bystander = ramClient(w.emulator.endpoint, BYSTANDER);
    });

    beforeEach(async () => {
        w.seeded = await w.emulator.admin.seed(BASIC_SEED);
        w.shareArn = w.seeded.resourceShares[0].resourceShareArn;
        w.invitationArn = w.seeded.resourceShares[0].invitationArns[RECEIVER.accountId];
        w.bystanderInvitationArn = w.seeded.resourceShares[1].invitationArns[BYSTANDER.accountId];
    });

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

    describe("CreateResourceShare and GetResourceShares", () => {
        it("creates a share whose principals each get a PENDING invitation from the sender's account", async () => {
            const { resourceShare, clientToken } = await create(w.sender, {
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

            for (const client of [w.receiver, w.bystander]) {
                const { resourceShareInvitations } = await getInvitations(client, {
                    resourceShareArns: [resourceShare!.resourceShareArn!],
                });
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

        it("lists own shares (SELF) and accepted ones (OTHER-ACCOUNTS), with filters", async () => {
            const shares = (input: GetResourceSharesRequest, client = w.sender) =>
                client.send(new GetResourceSharesCommand(input)).then((r) => r.resourceShares?.map((s) => s.name));
            expect(await shares({ resourceOwner: "SELF" })).to.deep.equal(["subnets", "for-bystander"]);
            expect(await shares({ resourceOwner: "SELF", name: "subnets" })).to.deep.equal(["subnets"]);
            expect(await shares({ resourceOwner: "SELF", resourceShareArns: [w.shareArn] })).to.deep.equal(["subnets"]);
            expect(await shares({ resourceOwner: "SELF", resourceShareStatus: "DELETED" })).to.deep.equal([]);
            expect(await shares({ resourceOwner: "OTHER-ACCOUNTS" }, w.receiver)).to.deep.equal([]);
            await accept(w.receiver, w.invitationArn);
            expect(await shares({ resourceOwner: "OTHER-ACCOUNTS" }, w.receiver)).to.deep.equal(["subnets"]);
        });

        describe("CreateResourceShare refuses", () => itRefuses(CREATE_REFUSALS));
        describe("GetResourceShares refuses", () => itRefuses(GET_SHARES_REFUSALS));
    });
});
