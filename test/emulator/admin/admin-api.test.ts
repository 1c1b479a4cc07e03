import { GetResourceShareInvitationsCommand } from "@aws-sdk/client-ram";
import { expect } from "chai";
import { EmulatorAdmin, EmulatorAdminError, RunningEmulator, startEmulator } from "../../../emulator";
import { BASIC_SEED, ramClient, RECEIVER, REGION } from "../helpers";

describe("emulator: admin API", () => {
    let emulator: RunningEmulator;

    before(async () => {
        emulator = await startEmulator({ seed: BASIC_SEED });
    });

    after(() => emulator.stop());

    // The admin view is RAM's own description of the invitation (times in ISO 8601), plus its
    // region and when it became visible; set-status answers the same view.
    it("shows an invitation as RAM describes it, and more", async () => {
        const view = (await emulator.admin.state()).invitations.find(
            (i) => i.receiverAccountId === RECEIVER.accountId,
        )!;
        const { resourceShareInvitations } = await ramClient(emulator.endpoint, RECEIVER).send(
            new GetResourceShareInvitationsCommand({ resourceShareInvitationArns: [view.resourceShareInvitationArn] }),
        );
        const [described] = resourceShareInvitations!;
        expect(view).to.deep.equal({
            ...described,
            invitationTimestamp: described.invitationTimestamp!.toISOString(),
            region: REGION,
            visibleAt: view.invitationTimestamp,
        });
        const answered = await emulator.admin.setInvitationStatus(view.resourceShareInvitationArn, "ACCEPTED");
        expect(answered).to.deep.equal({ ...view, status: "ACCEPTED" });
    });

    it("answers unknown routes with 404 and unknown invitations with 400", async () => {
        const response = await fetch(`${emulator.endpoint}/_emulator/nothing-here`);
        expect(response.status).to.equal(404);
        const refused = await emulator.admin
            .removeInvitation("arn:aws:ram:eu-west-1:1:resource-share-invitation/x")
            .catch((e: unknown) => e);
        expect(refused).to.be.instanceOf(EmulatorAdminError).and.to.have.property("status", 400);
        const unreachable = await new EmulatorAdmin("http://127.0.0.1:1").state().catch((e: unknown) => e);
        expect(unreachable).to.be.instanceOf(Error);
    });
});
