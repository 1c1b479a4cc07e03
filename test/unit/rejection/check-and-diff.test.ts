import { expect } from "chai";
import { deriveClientToken } from "../../../provider/core/rejection/client-token";
import { rejectionProvider } from "../../../provider/dynamic/answer-provider";
import { RejectionState } from "../../../provider/core/answer/properties";

// Only the paths of check that make no API call are unit-tested here; lookups are covered by
// the integration tests against the emulator.
const ARN = "arn:aws:ram:us-east-1:111122223333:resource-share-invitation/abc";
const OTHER_ARN = "arn:aws:ram:us-east-1:111122223333:resource-share-invitation/def";
const SHARE = "arn:aws:ram:us-east-1:111122223333:resource-share/s";
const OLD_URN = "urn:pulumi:dev::p::pulumi-nodejs:dynamic/ram:InvitationRejection::old-name";
const NEW_URN = "urn:pulumi:dev::p::pulumi-nodejs:dynamic/ram:InvitationRejection::new-name";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

function state(invitationArn: string, clientToken: string): RejectionState {
    return {
        invitationArn,
        clientToken,
        resourceShareArn: SHARE,
        resourceShareName: "s",
        senderAccountId: "111122223333",
        receiverAccountId: "444455556666",
        status: "REJECTED",
        invitationTimestamp: "2026-01-01T00:00:00.000Z",
        rejectedAt: "2026-01-02T00:00:00.000Z",
    };
}

describe("RejectionProvider.check (paths without API calls)", () => {
    const provider = rejectionProvider();
    const oldInputs = {
        invitationArn: ARN,
        clientToken: deriveClientToken(OLD_URN, ARN),
        senderAccountId: "111122223333",
        resourceShareName: "s",
    };

    it("keeps the stored token and what was looked up when the URN changed but the invitation did not", async () => {
        const result = await provider.check(oldInputs, {
            invitationArn: ARN,
            clientToken: deriveClientToken(NEW_URN, ARN),
        });
        expect(result.failures).to.deep.equal([]);
        expect(result.inputs).to.deep.equal(oldInputs);
    });

    it("keeps the invitation found from a share while the share stays the same", async () => {
        const olds = { ...oldInputs, resourceShareArn: SHARE };
        const result = await provider.check(olds, {
            resourceShareArn: SHARE,
            clientToken: deriveClientToken(NEW_URN, SHARE),
        });
        expect(result.inputs).to.deep.equal(olds);
    });

    it("keeps the token when a share selection is replaced by the same invitation's ARN", async () => {
        const olds = { ...oldInputs, resourceShareArn: SHARE };
        const result = await provider.check(olds, { invitationArn: ARN, clientToken: deriveClientToken(NEW_URN, ARN) });
        expect(result.inputs?.clientToken).to.equal(oldInputs.clientToken);
    });

    it("reports bad selections against the input they concern instead of throwing", async () => {
        const token = deriveClientToken(NEW_URN, "x");
        const cases: [Record<string, unknown>, string][] = [
            [{}, "invitationArn"],
            [{ invitationArn: 7 }, "invitationArn"],
            [{ invitationArn: "" }, "invitationArn"],
            [{ invitationArn: SHARE }, "invitationArn"],
            [{ resourceShareArn: ARN }, "resourceShareArn"],
            [{ invitationArn: ARN, resourceShareArn: SHARE }, "invitationArn"],
        ];
        for (const [selection, property] of cases) {
            const result = await provider.check({}, { ...selection, clientToken: token } as never);
            expect(result.failures, JSON.stringify(selection)).to.have.length.greaterThan(0);
            for (const failure of result.failures ?? []) {
                expect(failure.property).to.equal(property);
                expect(failure.reason).to.have.length.greaterThan(20);
            }
        }
    });

    it("does not validate or look up values that are unknown during preview", async () => {
        const result = await provider.check({}, { invitationArn: UNKNOWN, clientToken: UNKNOWN });
        expect(result.failures).to.deep.equal([]);
    });

    it("refuses a client token that it did not derive", async () => {
        const result = await provider.check({}, { invitationArn: UNKNOWN, clientToken: "my-token" });
        expect(result.failures?.map((f) => f.property)).to.deep.equal(["clientToken"]);
    });
});

describe("RejectionProvider.diff", () => {
    const provider = rejectionProvider();
    const token = deriveClientToken(OLD_URN, ARN);

    it("shows no change when only the token, the serialized provider or looked-up facts differ", async () => {
        const olds = { ...state(ARN, token), __provider: "exports.handler = old" } as RejectionState;
        const news = {
            invitationArn: ARN,
            clientToken: deriveClientToken(NEW_URN, ARN),
            senderAccountId: "999999999999",
            resourceShareName: "renamed",
            __provider: "new",
        };
        expect(await provider.diff(ARN, olds, news)).to.deep.equal({ changes: false });
    });

    it("replaces the resource when the invitation changes", async () => {
        const result = await provider.diff(ARN, state(ARN, token), { invitationArn: OTHER_ARN, clientToken: token });
        expect(result).to.deep.include({ changes: true, replaces: ["invitationArn"] });
    });

    it("names resourceShareArn as the reason when the share selects another invitation", async () => {
        const result = await provider.diff(ARN, state(ARN, token), {
            invitationArn: UNKNOWN,
            resourceShareArn: SHARE,
            clientToken: token,
        });
        expect(result).to.deep.include({ changes: true, replaces: ["resourceShareArn"] });
    });
});
