import { expect } from "chai";
import { judgeInvitation } from "../../../provider/core/rejection/verdict";

const CONTEXT = {
    invitationArn: "arn:aws:ram:us-east-1:111122223333:resource-share-invitation/abc",
    region: "us-east-1",
    accountId: "444455556666",
};

describe("judgeInvitation (what check makes of a looked-up invitation)", () => {
    it("passes pending and already rejected invitations", () => {
        expect(judgeInvitation({ status: "PENDING" }, CONTEXT)).to.deep.equal({ ok: true });
        expect(judgeInvitation({ status: "REJECTED" }, CONTEXT)).to.deep.equal({ ok: true });
    });

    it("passes an expired invitation with a warning", () => {
        const verdict = judgeInvitation({ status: "EXPIRED" }, CONTEXT);
        expect(verdict).to.have.property("ok", true);
        expect(verdict).to.have.property("warning").that.contains("expired").and.contains(CONTEXT.invitationArn);
    });

    it("fails an accepted invitation with the message the rejection would give", () => {
        const verdict = judgeInvitation({ status: "ACCEPTED" }, CONTEXT);
        expect(verdict).to.have.property("ok", false);
        expect(verdict)
            .to.have.property("reason")
            .that.contains("already accepted")
            .and.contains("account 444455556666");
    });

    it("fails an invitation RAM does not show to the account", () => {
        const verdict = judgeInvitation(undefined, CONTEXT);
        expect(verdict).to.have.property("ok", false);
        expect(verdict)
            .to.have.property("reason")
            .that.contains("does not show this invitation")
            .and.contains("region us-east-1");
    });
});
