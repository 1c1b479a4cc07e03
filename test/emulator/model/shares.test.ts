/**
 * CreateResourceShare and GetResourceShares through the AWS SDK: a new share's invitations, the
 * listing by owner, and every request either refuses without a change of state.
 */
import {
    GetResourceSharesCommand,
    GetResourceSharesRequest,
    InvalidParameterException,
    MalformedArnException,
    MissingRequiredParameterException,
} from "@aws-sdk/client-ram";
import { expect } from "chai";
import { BYSTANDER, RECEIVER, SENDER } from "../helpers";
import { accept, create, getInvitations, itRefuses, Refusal, useBasicSeed, w } from "./operations-world";

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
    useBasicSeed();

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
