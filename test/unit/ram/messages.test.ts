import { expect } from "chai";
import { CallContext, describeLookupFailure, describeRamError } from "../../../provider/ram/messages";
import { ramCallError } from "../../../provider/ram/ram-call-error";
import { documentedErrors, sdkError } from "../../support/sdk-errors";

const CONTEXT: CallContext = {
    invitationArn: "arn:aws:ram:eu-west-1:111122223333:resource-share-invitation/abc",
    region: "eu-west-1",
    accountId: "444455556666",
};

describe("describeRamError", () => {
    const failing = documentedErrors("RejectResourceShareInvitation").filter(
        (n) =>
            n !== "ResourceShareInvitationAlreadyRejectedException" && n !== "ResourceShareInvitationExpiredException",
    );
    for (const name of failing) {
        it(`fails on ${name} with a message that names the invitation, account and region`, () => {
            const message = describeRamError(sdkError(name), CONTEXT, "reject");
            expect(message).to.contain(CONTEXT.invitationArn);
            expect(message).to.contain("account 444455556666");
            expect(message).to.contain("region eu-west-1");
            // Every message goes on to say what happened and what to do, beyond the subject line.
            expect(message.split(": ").slice(1).join(": ").length).to.be.greaterThan(40);
        });
    }

    it("says what to do about an accepted invitation", () => {
        const message = describeRamError(
            sdkError("ResourceShareInvitationAlreadyAcceptedException"),
            CONTEXT,
            "reject",
        );
        expect(message).to.contain("disassociate-resource-share");
    });

    it("tells the user that a retry is safe after RAM kept failing", () => {
        for (const name of ["ServiceUnavailableException", "ServerInternalException", "ThrottlingException"]) {
            const message = describeRamError(sdkError(name), CONTEXT, "reject");
            expect(message).to.contain(name).and.to.contain("same client token");
        }
    });

    it("names the profile and says to fix credentials when AWS refuses them", () => {
        const error = Object.assign(new Error("The security token included in the request is invalid."), {
            name: "UnrecognizedClientException",
        });
        const message = describeRamError(error, { ...CONTEXT, profile: "receiver" }, "look up");
        expect(message).to.contain('profile "receiver"').and.to.contain("credentials");
    });

    it("says that no credentials were found, not that AWS refused them, when the chain found none", () => {
        const error = Object.assign(new Error("Could not load credentials from any providers"), {
            name: "CredentialsProviderError",
        });
        const message = describeRamError(error, { ...CONTEXT, profile: "receiver" }, "reject");
        expect(message).to.contain("no AWS credentials were found, so no request was sent");
        expect(message).to.contain('the profile "receiver"').and.to.contain("AWS_ACCESS_KEY_ID");
        expect(message).not.to.contain("refused");
        expect(describeLookupFailure(error, CONTEXT)).to.contain("no AWS credentials were found");
    });

    it("says that the connection failed and a rerun is safe, for a socket error after the retries", () => {
        const error = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
        const message = describeRamError(error, CONTEXT, "reject");
        expect(message).to.contain("the connection to RAM in region eu-west-1 failed (ECONNRESET: socket hang up)");
        expect(message).to.contain("same client token");
    });

    it("keeps the SDK's own text for errors it has no advice for", () => {
        const error = Object.assign(new Error("something odd"), { name: "WeirdException" });
        expect(describeRamError(error, CONTEXT, "reject")).to.contain("WeirdException: something odd");
    });

    it("speaks of the current credentials when the account is unknown", () => {
        const message = describeRamError(
            sdkError("ResourceShareInvitationArnNotFoundException"),
            {
                invitationArn: CONTEXT.invitationArn,
                region: "eu-west-1",
            },
            "reject",
        );
        expect(message).to.contain("the account of the current credentials");
    });
});

describe("ramCallError", () => {
    it("carries the operation, invitation, region, account and cause, and says them in its message", () => {
        const cause = sdkError("MalformedArnException");
        const error = ramCallError("reject", CONTEXT, cause);
        expect(error).to.include({
            name: "RamCallError",
            operation: "reject",
            invitationArn: CONTEXT.invitationArn,
            region: "eu-west-1",
            accountId: "444455556666",
        });
        expect(error).to.be.instanceOf(Error);
        expect(error.cause).to.equal(cause);
        expect(error.message).to.equal(describeRamError(cause, CONTEXT, "reject"));
    });
});
