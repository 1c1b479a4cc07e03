import { expect } from "chai";
import { RunningEmulator } from "../../../emulator";
import { getInvitations } from "../../../provider/dynamic/get-invitations";
import { OTHER, RECEIVER, SENDER } from "../../support/accounts";
import { emulatorPerSuite } from "../../support/emulator-suite";
import { expectFailure } from "../../support/expect-failure";
import { useEnvironment } from "../../support/aws-environment";
import { describeWithPageSizes, pagesFor } from "../../support/page-sizes";

describeWithPageSizes("getInvitations against the emulator (real SDK over HTTP)", function (pageSize) {
    this.timeout(60_000);
    const suite = emulatorPerSuite({ actAs: RECEIVER, pageSize });
    let emulator: RunningEmulator;
    before(() => (emulator = suite.emulator));

    it("lists every page of what the account sees in the region, typed, oldest first", async () => {
        // 501 invitations: RAM serves at most 500 a page (two calls), or the emulator's page size.
        const arns = await emulator.admin.seedPendingInvitations({
            sender: SENDER,
            receiver: RECEIVER,
            count: 501,
            regions: ["eu-west-1"],
        });
        await emulator.admin.seedPendingInvitations({
            sender: SENDER,
            receiver: RECEIVER,
            count: 1,
            regions: ["us-east-1"],
        });
        await emulator.admin.clearCalls();

        const listed = await getInvitations({ region: "eu-west-1" });

        expect(listed.map((i) => i.invitationArn).sort()).to.deep.equal([...arns].sort());
        expect(listed[0]).to.deep.include({
            senderAccountId: SENDER.accountId,
            receiverAccountId: RECEIVER.accountId,
            status: "PENDING",
            region: "eu-west-1",
        });
        expect(listed[0].resourceShareName).to.match(/^share-\d+$/);
        const calls = await emulator.admin.calls();
        expect(calls.map((c) => [c.operation, c.region])).to.deep.equal(
            Array(pagesFor(501, pageSize)).fill(["GetResourceShareInvitations", "eu-west-1"]),
        );
    });

    it("filters by status and by sender", async () => {
        const [rejected, pending] = await emulator.admin.seedPendingInvitations({
            sender: SENDER,
            receiver: RECEIVER,
            count: 2,
            regions: ["eu-west-1"],
        });
        const [fromOther] = await emulator.admin.seedPendingInvitations({
            sender: OTHER,
            receiver: RECEIVER,
            count: 1,
            regions: ["eu-west-1"],
            namePrefix: "other",
        });
        await emulator.admin.setInvitationStatus(rejected, "REJECTED");

        const byStatus = await getInvitations({ region: "eu-west-1", statuses: ["PENDING"] });
        const bySender = await getInvitations({ region: "eu-west-1", senderAccountIds: [OTHER.accountId] });

        expect(byStatus.map((i) => i.invitationArn).sort()).to.deep.equal([pending, fromOther].sort());
        expect(bySender.map((i) => i.invitationArn)).to.deep.equal([fromOther]);
    });

    it("refuses bad arguments before any call, naming each", async () => {
        const { message } = await expectFailure(
            getInvitations({ region: "mars-1", statuses: ["DONE"], senderAccountIds: ["12"] }),
        );
        expect(message).to.contain('region "mars-1" is not a region the AWS SDK knows');
        expect(message).to.contain('statuses[0] "DONE" is not one of ACCEPTED, EXPIRED, PENDING, REJECTED');
        expect(message).to.contain('senderAccountIds[0] "12" is not a 12-digit account id');
        expect(await emulator.admin.calls()).to.deep.equal([]);
    });

    it("fails with the account, region and advice when RAM refuses", async () => {
        await emulator.admin.seed({ accounts: [RECEIVER] });
        const restore = useEnvironment({
            AWS_ENDPOINT_URL_RAM: emulator.endpoint,
            AWS_ENDPOINT_URL_STS: emulator.endpoint,
            AWS_ACCESS_KEY_ID: "AKIDUNKNOWN00000001",
            AWS_SECRET_ACCESS_KEY: "x",
            AWS_CONFIG_FILE: "/nonexistent/aws-config",
            AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/aws-credentials",
            AWS_EC2_METADATA_DISABLED: "true",
        });
        try {
            const { message } = await expectFailure(getInvitations({ region: "eu-west-1" }));
            expect(message).to.match(/^Could not list the invitations \(.* in region eu-west-1\): AWS refused/);
        } finally {
            restore();
        }
    });
});
