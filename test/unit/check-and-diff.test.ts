import { expect } from "chai";
import { deriveClientToken } from "../../provider/client-token";
import { RejectionProvider } from "../../provider/rejection-provider";
import { RejectionState } from "../../provider/rejection-state";

const ARN = "arn:aws:ram:us-east-1:111122223333:resource-share-invitation/abc";
const OTHER_ARN = "arn:aws:ram:us-east-1:111122223333:resource-share-invitation/def";
const OLD_URN = "urn:pulumi:dev::p::pulumi-nodejs:dynamic/ram:InvitationRejection::old-name";
const NEW_URN = "urn:pulumi:dev::p::pulumi-nodejs:dynamic/ram:InvitationRejection::new-name";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

function state(invitationArn: string, clientToken: string): RejectionState {
    return {
        invitationArn,
        clientToken,
        resourceShareArn: "arn:aws:ram:us-east-1:111122223333:resource-share/s",
        resourceShareName: "s",
        senderAccountId: "111122223333",
        receiverAccountId: "444455556666",
        status: "REJECTED",
        invitationTimestamp: "2026-01-01T00:00:00.000Z",
        rejectedAt: "2026-01-02T00:00:00.000Z",
    };
}

describe("RejectionProvider.check", () => {
    const provider = new RejectionProvider();

    it("passes a valid new resource through with its derived token", async () => {
        const token = deriveClientToken(NEW_URN, ARN);
        const result = await provider.check({}, { invitationArn: ARN, clientToken: token });
        expect(result.failures).to.deep.equal([]);
        expect(result.inputs).to.deep.equal({ invitationArn: ARN, clientToken: token });
    });

    it("keeps the stored token when the URN changed but the invitation did not (rename, alias, new parent)", async () => {
        const oldToken = deriveClientToken(OLD_URN, ARN);
        const result = await provider.check(
            { invitationArn: ARN, clientToken: oldToken },
            { invitationArn: ARN, clientToken: deriveClientToken(NEW_URN, ARN) },
        );
        expect(result.inputs?.clientToken).to.equal(oldToken);
    });

    it("takes the new token when the invitation changes", async () => {
        const newToken = deriveClientToken(OLD_URN, OTHER_ARN);
        const result = await provider.check(
            { invitationArn: ARN, clientToken: deriveClientToken(OLD_URN, ARN) },
            { invitationArn: OTHER_ARN, clientToken: newToken },
        );
        expect(result.inputs?.clientToken).to.equal(newToken);
    });

    it("reports a bad ARN against invitationArn instead of throwing", async () => {
        for (const bad of [undefined, 7, "", "arn:aws:ram:us-east-1:1:resource-share/x"]) {
            const result = await provider.check({}, { invitationArn: bad as string, clientToken: deriveClientToken(NEW_URN, "x") });
            expect(result.failures, JSON.stringify(bad)).to.have.length.greaterThan(0);
            for (const failure of result.failures ?? []) {
                expect(failure.property).to.equal("invitationArn");
                expect(failure.reason).to.match(/^invitationArn /);
            }
        }
    });

    it("does not validate values that are unknown during preview", async () => {
        const result = await provider.check({}, { invitationArn: UNKNOWN, clientToken: UNKNOWN });
        expect(result.failures).to.deep.equal([]);
    });

    it("refuses a client token that it did not derive", async () => {
        const result = await provider.check({}, { invitationArn: ARN, clientToken: "my-token" });
        expect(result.failures?.map((f) => f.property)).to.deep.equal(["clientToken"]);
    });
});

describe("RejectionProvider.diff", () => {
    const provider = new RejectionProvider();
    const token = deriveClientToken(OLD_URN, ARN);

    it("shows no change when only the token or the serialized provider differ", async () => {
        const olds = { ...state(ARN, token), __provider: "exports.handler = old" } as RejectionState;
        const news = { invitationArn: ARN, clientToken: deriveClientToken(NEW_URN, ARN), __provider: "new" };
        expect(await provider.diff(ARN, olds, news)).to.deep.equal({ changes: false });
    });

    it("replaces the resource when the invitation changes", async () => {
        const result = await provider.diff(ARN, state(ARN, token), { invitationArn: OTHER_ARN, clientToken: token });
        expect(result).to.deep.include({ changes: true, replaces: ["invitationArn"] });
    });
});
