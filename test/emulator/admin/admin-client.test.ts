import { expect } from "chai";
import { RejectResourceShareInvitationCommand } from "@aws-sdk/client-ram";
import { RunningEmulator } from "../../../emulator";
import { ramClientAs } from "../../support/ram-client";
import { RECEIVER, SENDER } from "../helpers";
import { emulatorPerSuite } from "../../support/emulator-suite";

const REGIONS = ["eu-west-1", "us-east-1", "eusc-de-east-1"];

describe("emulator: admin client", () => {
    let emulator: RunningEmulator;
    const suite = emulatorPerSuite();
    before(() => (emulator = suite.emulator));

    describe("seedPendingInvitations", () => {
        // Five invitations over three regions: shares share-1..share-5 in the regions in turn.
        it("seeds one share per invitation, regions in turn", async () => {
            const arns = await emulator.admin.seedPendingInvitations({
                sender: SENDER,
                receiver: RECEIVER,
                count: 5,
                regions: REGIONS,
            });
            expect(arns).to.have.length(5);
            expect(new Set(arns).size).to.equal(5);
            const state = await emulator.admin.state();
            expect(state.accounts.map((a) => a.accountId)).to.deep.equal([SENDER.accountId, RECEIVER.accountId]);
            const invitations = arns.map((arn) => state.invitations.find((i) => i.resourceShareInvitationArn === arn));
            expect(invitations.map((i) => [i?.resourceShareName, i?.region])).to.deep.equal([
                ["share-1", "eu-west-1"],
                ["share-2", "us-east-1"],
                ["share-3", "eusc-de-east-1"],
                ["share-4", "eu-west-1"],
                ["share-5", "us-east-1"],
            ]);
            for (const invitation of invitations) {
                expect(invitation).to.deep.include({
                    senderAccountId: SENDER.accountId,
                    receiverAccountId: RECEIVER.accountId,
                    status: "PENDING",
                });
            }
            expect(arns[2]).to.match(/^arn:aws-eusc:ram:eusc-de-east-1:111111111111:resource-share-invitation\//);
        });

        it("names the shares after namePrefix", async () => {
            await emulator.admin.seedPendingInvitations({
                sender: SENDER,
                receiver: RECEIVER,
                count: 2,
                regions: ["us-gov-west-1"],
                namePrefix: "batch",
            });
            const { resourceShares } = await emulator.admin.state();
            expect(resourceShares.map((s) => [s.name, s.region])).to.deep.equal([
                ["batch-1", "us-gov-west-1"],
                ["batch-2", "us-gov-west-1"],
            ]);
        });

        it("seeds nothing but the accounts for a count of 0", async () => {
            const arns = await emulator.admin.seedPendingInvitations({
                sender: SENDER,
                receiver: RECEIVER,
                count: 0,
                regions: [],
            });
            expect(arns).to.deep.equal([]);
            const state = await emulator.admin.state();
            expect(state.accounts).to.have.length(2);
            expect(state.invitations).to.deep.equal([]);
        });

        // A count that is not a whole number, or invitations without a region, are refused before any request.
        for (const [title, count, regions] of [
            ["count -1", -1, REGIONS],
            ["count 1.5", 1.5, REGIONS],
            ["no regions", 1, []],
        ] as const) {
            it(`refuses ${title}`, async () => {
                const refused = await emulator.admin
                    .seedPendingInvitations({ sender: SENDER, receiver: RECEIVER, count, regions: [...regions] })
                    .catch((e: unknown) => e);
                expect(refused).to.be.instanceOf(RangeError);
                expect((await emulator.admin.state()).accounts).to.deep.equal([]);
            });
        }
    });

    describe("forgetClientTokens", () => {
        // RAM forgets a token some time after the call: the same request then meets the state as it is.
        it("a repeated call after forgetting is handled anew: already rejected, no replay", async () => {
            const [arn] = await emulator.admin.seedPendingInvitations({
                sender: SENDER,
                receiver: RECEIVER,
                count: 1,
                regions: ["us-east-1"],
            });
            const ram = ramClientAs(emulator.endpoint, RECEIVER, "us-east-1");
            const request = { resourceShareInvitationArn: arn, clientToken: "retry-days-later" };
            await ram.send(new RejectResourceShareInvitationCommand(request));
            await ram.send(new RejectResourceShareInvitationCommand(request));
            expect(await emulator.admin.forgetClientTokens()).to.deep.equal({ forgotten: 1 });
            expect(await emulator.admin.forgetClientTokens()).to.deep.equal({ forgotten: 0 });
            const refused = await ram.send(new RejectResourceShareInvitationCommand(request)).catch((e: Error) => e);
            expect(refused).to.have.property("name", "ResourceShareInvitationAlreadyRejectedException");
            const calls = await emulator.admin.calls({ operation: "RejectResourceShareInvitation" });
            expect(calls.map((c) => [c.outcome, c.stateChanged, c.idempotentReplay])).to.deep.equal([
                ["ok", true, false],
                ["ok", false, true],
                ["ResourceShareInvitationAlreadyRejectedException", false, false],
            ]);
        });
    });
});
