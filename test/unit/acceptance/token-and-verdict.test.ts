/**
 * The acceptance's pure logic: its client tokens (their own namespace, never a rejection's) and its
 * verdict on an invitation, as RAM shows it, before anything is sent.
 */
import { expect } from "chai";
import fc from "fast-check";
import { validate as isUuid } from "uuid";
import {
    ACCEPTANCE_CLIENT_TOKEN_NAMESPACE,
    deriveAcceptanceClientToken,
    deriveLeaveClientToken,
    LEAVE_CLIENT_TOKEN_NAMESPACE,
} from "../../../provider/core/acceptance/client-token";
import { judgeForAcceptance } from "../../../provider/core/acceptance/verdict";
import { CLIENT_TOKEN_NAMESPACE, deriveClientToken } from "../../../provider/core/rejection/client-token";

const ARN = "arn:aws:ram:us-east-1:111111111111:resource-share-invitation/7ab63972";
const URN = "urn:pulumi:prod::p::pulumi-nodejs:dynamic/ram:InvitationAcceptance::partner";
const CONTEXT = { invitationArn: ARN, region: "us-east-1", accountId: "222222222222" };

describe("an acceptance's client tokens", () => {
    it("are fixed UUIDs for a resource and an invitation (the namespaces never change)", () => {
        expect([ACCEPTANCE_CLIENT_TOKEN_NAMESPACE, LEAVE_CLIENT_TOKEN_NAMESPACE]).to.deep.equal([
            "0505572a-da99-477c-b64d-d3dcc6eae846",
            "8c9db9b0-8aa9-4baf-abde-a699a39bcf66",
        ]);
        expect(
            new Set([ACCEPTANCE_CLIENT_TOKEN_NAMESPACE, LEAVE_CLIENT_TOKEN_NAMESPACE, CLIENT_TOKEN_NAMESPACE]).size,
        ).to.equal(3);
        const token = deriveAcceptanceClientToken(URN, ARN);
        expect(isUuid(token)).to.equal(true);
        expect(deriveAcceptanceClientToken(URN, ARN)).to.equal(token);
    });

    it("never equal a rejection's, nor each other, for any URN and ARN (property)", () => {
        fc.assert(
            fc.property(fc.string(), fc.string(), fc.string(), (urn, arn, otherArn) => {
                const accept = deriveAcceptanceClientToken(urn, arn);
                const leave = deriveLeaveClientToken(accept, arn);
                return (
                    accept !== deriveClientToken(urn, arn) &&
                    leave !== accept &&
                    (arn === otherArn) === (deriveAcceptanceClientToken(urn, otherArn) === accept)
                );
            }),
        );
    });
});

describe("the acceptance's verdict", () => {
    const invitation = (status: string) => ({ resourceShareInvitationArn: ARN, status }) as never;

    it("passes a pending invitation, and an accepted one (adopted without a call)", () => {
        expect(judgeForAcceptance(invitation("PENDING"), CONTEXT)).to.deep.equal({ ok: true });
        expect(judgeForAcceptance(invitation("ACCEPTED"), CONTEXT)).to.deep.equal({ ok: true });
    });

    it("fails a rejected, an expired and a missing invitation, saying what to do", () => {
        const reason = (status?: string) => {
            const verdict = judgeForAcceptance(status ? invitation(status) : undefined, CONTEXT);
            expect(verdict.ok).to.equal(false);
            return (verdict as { reason: string }).reason;
        };
        expect(reason("REJECTED")).to.contain(`Could not accept invitation ${ARN} (account 222222222222`);
        expect(reason("REJECTED")).to.contain("Ask the sender to share again with 222222222222");
        expect(reason("EXPIRED")).to.contain("it expired (nobody answered it within seven days)");
        expect(reason()).to.contain("RAM does not show this invitation to account 222222222222");
    });
});
