/**
 * What a reviewer meets in a pull request, on the real Pulumi CLI against the emulator:
 * `pulumi preview --diff` names who shares what, fails on invitations `up` could not reject,
 * selects invitations by share ARN, and stays within ceil(N/100) read calls per region.
 */
import { expect } from "chai";
import * as path from "node:path";
import { CommandError } from "@pulumi/pulumi/automation";
import { clientEnvironment, RunningEmulator, startEmulator } from "../../emulator";
import { PulumiHarness } from "../../scripts/pulumi-harness";

const ROOT_PROGRAM = path.resolve(__dirname, "..", "..", "examples", "stack-config", "index.ts");
const REGION = "eu-central-1";
const SENDER = { accountId: "111111111111", accessKeyId: "AKIDPREVIEWSENDER01", secretAccessKey: "preview-sender" };
const RECEIVER = { accountId: "222222222222", accessKeyId: "AKIDPREVIEWRECEIVE1", secretAccessKey: "preview-receiver" };
const LOOKUP = "GetResourceShareInvitations";
const WRITES = new Set(["RejectResourceShareInvitation", "AcceptResourceShareInvitation", "CreateResourceShare"]);

type Entry = { invitationArn: string } | { resourceShareArn: string };

describe("previews and lookups end to end: real Pulumi CLI against the RAM emulator", function () {
    this.timeout(15 * 60_000);
    let emulator: RunningEmulator;
    const harnesses: PulumiHarness[] = [];

    before(async () => {
        emulator = await startEmulator();
    });

    after(async () => {
        await Promise.all(harnesses.map((h) => h.dispose()));
        await emulator.stop();
    });

    async function seed(count: number, shareNames = (i: number) => `vendor-share-${i}`) {
        await emulator.admin.reset();
        const seeded = await emulator.admin.seed({
            accounts: [SENDER, RECEIVER],
            resourceShares: Array.from({ length: count }, (_, i) => ({
                name: shareNames(i),
                ownerAccountId: SENDER.accountId,
                region: REGION,
                principals: [RECEIVER.accountId],
            })),
        });
        await emulator.admin.clearCalls();
        return seeded.resourceShares.map((s) => ({
            share: s.resourceShareArn,
            invitation: s.invitationArns[RECEIVER.accountId],
        }));
    }

    async function stack(rejections: Record<string, Entry>): Promise<PulumiHarness> {
        const harness = await PulumiHarness.create({
            program: ROOT_PROGRAM,
            project: "ram-invitations",
            config: { "ram-invitations:rejections": { value: JSON.stringify(rejections) } },
            env: clientEnvironment(emulator.endpoint, RECEIVER),
        });
        harnesses.push(harness);
        return harness;
    }

    async function calls() {
        const all = await emulator.admin.calls();
        await emulator.admin.clearCalls();
        return {
            reads: all.filter((c) => c.operation === LOOKUP).length,
            writes: all.filter((c) => WRITES.has(c.operation)).length,
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
        const failure = await harness.stack.preview().then(
            () => undefined,
            (error: unknown) => error,
        );
        expect(failure).to.be.instanceOf(CommandError);
        expect((failure as Error).message)
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
