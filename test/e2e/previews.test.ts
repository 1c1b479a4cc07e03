/**
 * What a reviewer meets in a pull request, on the real Pulumi CLI against the emulator:
 * `pulumi preview --diff` names who shares what, fails on invitations `up` could not reject,
 * selects invitations by share ARN, and stays within ceil(N/100) read calls per region.
 */
import { expect } from "chai";
import { CommandError } from "@pulumi/pulumi/automation";
import { RAM_WRITE_OPERATIONS, RunningEmulator } from "../../emulator";
import { PulumiHarness } from "../../scripts/pulumi-harness";
import { RECEIVER, SENDER } from "../support/accounts";
import { endToEndSuite, RejectionEntry } from "../support/end-to-end-suite";
import { expectFailure } from "../support/expect-failure";
import { seedShares, SeededShare } from "../support/seeding";

const REGION = "eu-central-1";
const LOOKUP = "GetResourceShareInvitations";

describe("previews and lookups end to end: real Pulumi CLI against the RAM emulator", function () {
    this.timeout(15 * 60_000);
    const suite = endToEndSuite();
    let emulator: RunningEmulator;
    before(() => (emulator = suite.emulator));

    function seed(count: number, name = (i: number) => `vendor-share-${i}`): Promise<SeededShare[]> {
        return seedShares(emulator, count, { region: REGION, name });
    }

    function stack(rejections: Record<string, RejectionEntry>): Promise<PulumiHarness> {
        return suite.rootStack(rejections);
    }

    async function calls() {
        const all = await emulator.admin.calls();
        await emulator.admin.clearCalls();
        return {
            reads: all.filter((c) => c.operation === LOOKUP).length,
            writes: all.filter((c) => RAM_WRITE_OPERATIONS.includes(c.operation)).length,
        };
    }

    // preview --diff shows the sender account and share name next to each invitation ARN,
    // with no write call.
    it("preview --diff shows sender account and share name, with no write call", async () => {
        const [first] = await seed(1, () => "analytics-subnets");
        const harness = await stack({ "decline-analytics": { invitationArn: first.invitation } });
        const preview = await harness.stack.preview({ diff: true });
        expect(preview.stdout).to.match(new RegExp(`invitationArn\\s*:\\s*"${first.invitation}"`));
        expect(preview.stdout).to.match(/resourceShareName\s*:\s*"analytics-subnets"/);
        expect(preview.stdout).to.match(new RegExp(`senderAccountId\\s*:\\s*"${SENDER.accountId}"`));
        expect(await calls()).to.deep.equal({ reads: 1, writes: 0 });
    });

    // Preview fails, before any write, on an invitation the account cannot see,
    // and the failure names the account and the region.
    it("preview fails, before any write, on an invitation the account cannot see", async () => {
        const [first] = await seed(1);
        const unknown = first.invitation.replace(/\/[^/]+$/, "/00000000-0000-0000-0000-000000000000");
        const harness = await stack({ "decline-unknown": { invitationArn: unknown } });
        const failure = await expectFailure(harness.stack.preview(), CommandError);
        expect(failure.message)
            .to.contain(unknown)
            .and.to.contain("does not show this invitation")
            .and.to.contain(`account ${RECEIVER.accountId} in region ${REGION}`);
        expect((await calls()).writes).to.equal(0);
    });

    it("selects an invitation by share ARN from stack config, and rejects it", async () => {
        const [first] = await seed(1);
        const harness = await stack({ "decline-by-share": { resourceShareArn: first.share } });
        const up = await harness.stack.up();
        expect(up.outputs.invitations.value["decline-by-share"]).to.deep.include({
            invitationArn: first.invitation,
            status: "REJECTED",
        });
        expect((await emulator.admin.state()).invitations[0].status).to.equal("REJECTED");
    });

    // N = 101: preview and refresh make at most ceil(N/100) read calls, up makes exactly N write calls,
    // a second up none.
    it("N = 101: read calls of preview and refresh, write calls of up and a second up", async () => {
        const n = 101;
        const seeded = await seed(n);
        const harness = await stack(
            Object.fromEntries(seeded.map((s, i) => [`decline-${i}`, { invitationArn: s.invitation }])),
        );
        const ceiling = Math.ceil(n / 100);

        await harness.stack.preview();
        const preview = await calls();
        expect(preview.writes).to.equal(0);
        expect(preview.reads).to.be.at.least(1).and.at.most(ceiling);

        await harness.stack.up();
        const firstUp = await calls();
        expect(firstUp.writes).to.equal(n);
        expect(firstUp.reads).to.be.at.most(ceiling);

        await harness.stack.up();
        expect(await calls()).to.deep.equal({ reads: 0, writes: 0 });

        await harness.stack.refresh();
        const refresh = await calls();
        expect(refresh.writes).to.equal(0);
        expect(refresh.reads).to.be.at.least(1).and.at.most(ceiling);
    });
});
