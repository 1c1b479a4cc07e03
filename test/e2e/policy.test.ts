/**
 * The rejection policy end to end: the root program with `ram-invitations:policy` in stack config,
 * on the real Pulumi CLI against the emulator. The receiving account has invitations from three
 * senders, one of them allowed, in two regions.
 */
import { expect } from "chai";
import { CommandError } from "@pulumi/pulumi/automation";
import { CallLogEntry, RunningEmulator, SeedAccount } from "../../emulator";
import { PulumiHarness } from "../../scripts/pulumi-harness";
import { OTHER, RECEIVER, SENDER } from "../support/accounts";
import { endToEndSuite } from "../support/end-to-end-suite";
import { expectFailure } from "../support/expect-failure";
import { arnOf, expectRejectedExactlyOnce, rejectionsInState, writeCalls } from "../support/rejections-in-state";

/** The allowed sender is SENDER; OTHER and VENDOR are not. */
const VENDOR = { accountId: "555555555555", accessKeyId: "AKIDVENDOR000000001", name: "vendor" } satisfies SeedAccount;
const REGIONS = ["eu-west-1", "us-east-1"];

interface Seeded {
    allowed: string[];
    unwanted: string[];
}

describe("the rejection policy, end to end", function () {
    this.timeout(15 * 60_000);
    const suite = endToEndSuite();
    let emulator: RunningEmulator;
    before(() => (emulator = suite.emulator));

    /** `perSender` invitations from each of SENDER, OTHER and VENDOR, alternating between the two regions. */
    async function seed(perSender: number, prefix = "share"): Promise<Seeded> {
        const fromEach = async (sender: SeedAccount) =>
            emulator.admin.seedPendingInvitations({
                sender,
                receiver: RECEIVER,
                count: perSender,
                regions: REGIONS,
                namePrefix: `${prefix}-from-${sender.accountId}`,
            });
        const allowed = await fromEach(SENDER);
        const unwanted = [...(await fromEach(OTHER)), ...(await fromEach(VENDOR))];
        await emulator.admin.clearCalls();
        return { allowed, unwanted };
    }

    function policyStack(policy: Record<string, unknown>): Promise<PulumiHarness> {
        return suite.rootStack({}, { config: { policy } });
    }

    const POLICY = { allowedSenderAccountIds: [SENDER.accountId], regions: REGIONS };

    async function statuses(): Promise<Record<string, string>> {
        const { invitations } = await emulator.admin.state();
        return Object.fromEntries(invitations.map((i) => [i.resourceShareInvitationArn, i.status]));
    }

    function rejectCalls(): Promise<CallLogEntry[]> {
        return emulator.admin.calls({ operation: "RejectResourceShareInvitation" });
    }

    it("preview lists exactly the unwanted; up rejects each once; a second up changes nothing", async () => {
        const { allowed, unwanted } = await seed(2);
        const harness = await policyStack(POLICY);

        const preview = await harness.stack.preview({ diff: true });
        expect(await writeCalls(emulator)).to.deep.equal([]);
        expect(preview.changeSummary).to.deep.equal({ create: 1 + 1 + unwanted.length }); // stack, policy, rejections
        for (const arn of unwanted) {
            expect(preview.stdout).to.contain(arn);
        }
        for (const arn of allowed) {
            expect(preview.stdout).not.to.contain(arn);
        }
        // The reviewer sees who shares what: each rejection's ARN (with its region), sender and share name.
        for (const sender of [OTHER, VENDOR]) {
            expect(preview.stdout).to.contain(`senderAccountId  : "${sender.accountId}"`);
            expect(preview.stdout).to.contain(`resourceShareName: "share-from-${sender.accountId}-1"`);
        }
        const plain = await harness.stack.preview();
        expect(plain.stdout).to.contain(`will reject ${unwanted[0]}: from account ${OTHER.accountId}`);

        const up = await harness.stack.up();
        expectRejectedExactlyOnce(await rejectCalls(), unwanted, await rejectionsInState(harness));
        expect(up.outputs.policy.value).to.deep.include({ pendingAllowed: 2, rejectedNow: 4, rejectedEarlier: 0 });
        expect(up.outputs.policy.value.bySender[VENDOR.accountId]).to.deep.include({ rejectedNow: 2 });

        await emulator.admin.clearCalls();
        const second = await harness.stack.up();
        expect(Object.keys(second.summary.resourceChanges ?? {})).to.deep.equal(["same"]);
        expect(await writeCalls(emulator)).to.deep.equal([]);
        expect(second.outputs.policy.value).to.deep.include({ pendingAllowed: 2, rejectedNow: 0, rejectedEarlier: 4 });
        const after = await statuses();
        allowed.forEach((arn) => expect(after[arn], arn).to.equal("PENDING"));
    });

    it("a new unwanted invitation is rejected by the next up; one RAM forgets leaves with no call", async () => {
        const { unwanted } = await seed(1);
        const harness = await policyStack(POLICY);
        await harness.stack.up();
        const [arrived] = await emulator.admin.seedPendingInvitations({
            sender: VENDOR,
            receiver: RECEIVER,
            count: 1,
            regions: ["us-east-1"],
            namePrefix: "arrived-later",
        });
        await emulator.admin.removeInvitation(unwanted[0]);
        await emulator.admin.clearCalls();

        const up = await harness.stack.up();

        expect(up.summary.resourceChanges).to.deep.include({ create: 1, delete: 1 });
        const rejects = await rejectCalls();
        expect(rejects.map(arnOf)).to.deep.equal([arrived]);
        expect((await writeCalls(emulator)).map(arnOf)).to.deep.equal([arrived]);
        const state = await rejectionsInState(harness);
        expect(state.map((r) => r.id).sort()).to.deep.equal([unwanted[1], arrived].sort());
    });

    it("over maxRejectionsPerRun, preview and up fail naming count, senders and setting; no write", async () => {
        await seed(2);
        const harness = await policyStack({ ...POLICY, maxRejectionsPerRun: 3 });

        for (const operation of [() => harness.stack.preview(), () => harness.stack.up()]) {
            const { message } = await expectFailure(operation(), CommandError);
            expect(message).to.contain("would reject 4 pending invitations in this run");
            expect(message).to.contain("maxRejectionsPerRun (3)");
            expect(message).to.contain(`${OTHER.accountId} (2)`).and.to.contain(`${VENDOR.accountId} (2)`);
        }
        expect(await writeCalls(emulator)).to.deep.equal([]);
        expect(await rejectionsInState(harness)).to.deep.equal([]);
        // The summary says so in its numbers: nothing rejected now, what it would have rejected.
        const { policy } = await harness.stack.outputs();
        expect(policy.value).to.deep.include({ refused: true, rejectedNow: 0, wouldReject: 4, pendingAllowed: 2 });
        expect(policy.value.bySender[VENDOR.accountId]).to.deep.include({ rejectedNow: 0, wouldReject: 2 });
    });

    it('allowed "accept": unwanted rejected, allowed accepted, none pending; a second up changes nothing', async () => {
        const { allowed, unwanted } = await seed(2);
        const harness = await policyStack({ ...POLICY, allowed: "accept" });

        const preview = await harness.stack.preview();
        expect(preview.stdout).to.contain(`will accept ${allowed[0]}: from account ${SENDER.accountId}`);
        expect(preview.stdout).to.contain(`will reject ${unwanted[0]}: from account ${OTHER.accountId}`);
        expect(await writeCalls(emulator)).to.deep.equal([]);

        const up = await harness.stack.up();
        expect(up.outputs.policy.value).to.deep.include({ pendingAllowed: 0, rejectedNow: 4, acceptedNow: 2 });
        expect(up.outputs.policy.value.bySender[SENDER.accountId]).to.deep.include({ acceptedNow: 2 });
        const accepts = (await emulator.admin.calls({ operation: "AcceptResourceShareInvitation" })).filter(
            (c) => c.stateChanged,
        );
        expect(accepts.map(arnOf).sort()).to.deep.equal([...allowed].sort());
        expectRejectedExactlyOnce(await rejectCalls(), unwanted, await rejectionsInState(harness));
        const after = await statuses();
        allowed.forEach((arn) => expect(after[arn], arn).to.equal("ACCEPTED"));
        unwanted.forEach((arn) => expect(after[arn], arn).to.equal("REJECTED"));
        expect(Object.values(after)).not.to.include("PENDING");

        await emulator.admin.clearCalls();
        const second = await harness.stack.up();
        expect(Object.keys(second.summary.resourceChanges ?? {})).to.deep.equal(["same"]);
        expect(await writeCalls(emulator)).to.deep.equal([]);
        expect(second.outputs.policy.value).to.deep.include({
            acceptedNow: 0,
            acceptedEarlier: 2,
            rejectedNow: 0,
            rejectedEarlier: 4,
        });
    });

    it("over maxAcceptancesPerRun, preview and up fail before any acceptance or rejection", async () => {
        await seed(2);
        const harness = await policyStack({ ...POLICY, allowed: "accept", maxAcceptancesPerRun: 1 });

        for (const operation of [() => harness.stack.preview(), () => harness.stack.up()]) {
            const { message } = await expectFailure(operation(), CommandError);
            expect(message).to.contain("would accept 2 pending invitations in this run");
            expect(message).to.contain("maxAcceptancesPerRun (1); it accepted none of them");
            expect(message).to.contain(`Senders: ${SENDER.accountId} (2)`);
            expect(message).not.to.contain("would reject");
        }
        expect(await writeCalls(emulator)).to.deep.equal([]);
        expect(await rejectionsInState(harness)).to.deep.equal([]);
        const after = await statuses();
        expect(Object.values(after).every((status) => status === "PENDING")).to.equal(true);
        const { policy } = await harness.stack.outputs();
        expect(policy.value).to.deep.include({
            refused: true,
            acceptedNow: 0,
            wouldAccept: 2,
            rejectedNow: 0,
            wouldReject: 4,
        });
        expect(policy.value.bySender[SENDER.accountId]).to.deep.include({ acceptedNow: 0, wouldAccept: 2 });
    });

    it("a policy held back by another policy's refusal says so in its numbers too", async () => {
        await seed(2);
        const dataProd = `arn:aws:iam::${OTHER.accountId}:role/ram-invitations`;
        await emulator.admin.seed({
            accounts: [],
            roles: [{ roleArn: dataProd, trustedPrincipals: [RECEIVER.accountId] }],
        });
        await emulator.admin.seedPendingInvitations({
            sender: VENDOR,
            receiver: OTHER,
            count: 2,
            regions: REGIONS,
            namePrefix: "to-data-prod",
        });
        await emulator.admin.clearCalls();
        // The stack's own policy passes its guard; data-prod's refuses, so neither rejects anything.
        const harness = await suite.rootStack(
            {},
            {
                config: {
                    policy: POLICY,
                    accounts: { "data-prod": { roleArn: dataProd, policy: { ...POLICY, maxRejectionsPerRun: 1 } } },
                },
            },
        );

        const { message } = await expectFailure(harness.stack.up({ continueOnError: true }), CommandError);

        expect(message).to.contain(`InvitationPolicy "data-prod-policy" (through role ${dataProd}) would reject 2`);
        expect(message).to.contain("another policy of this stack refused");
        expect(await writeCalls(emulator)).to.deep.equal([]);
        const { policy, accounts } = await harness.stack.outputs();
        expect(policy.value).to.deep.include({ refused: true, rejectedNow: 0, wouldReject: 4, pendingAllowed: 2 });
        expect(policy.value.bySender[OTHER.accountId]).to.deep.include({ rejectedNow: 0, wouldReject: 2 });
        expect(accounts.value["data-prod"]).to.deep.include({ refused: true, rejectedNow: 0, wouldReject: 2 });
    });

    it("report mode declares no rejection and makes no write call, but reports", async () => {
        const { unwanted } = await seed(1);
        const harness = await policyStack({ ...POLICY, mode: "report" });

        const up = await harness.stack.up();

        expect(await writeCalls(emulator)).to.deep.equal([]);
        expect(await rejectionsInState(harness)).to.deep.equal([]);
        expect(up.outputs.policy.value).to.deep.include({ wouldReject: 2, rejectedNow: 0, pendingAllowed: 1 });
        for (const arn of unwanted) {
            expect(up.stdout).to.contain(`would reject (report mode) ${arn}`);
        }
    });

    it("a malformed policy fails the preview, listing every problem by key, before any call", async () => {
        const harness = await policyStack({
            allowedSenderAccountIds: ["1234", SENDER.accountId, SENDER.accountId],
            regions: [],
        });

        const { message } = await expectFailure(harness.stack.preview(), CommandError);

        expect(message).to.contain(
            'ram-invitations:policy.allowedSenderAccountIds[0] "1234" is not a 12-digit account id',
        );
        expect(message).to.contain("ram-invitations:policy.allowedSenderAccountIds[2] repeats");
        expect(message).to.contain("ram-invitations:policy.regions must name at least one");
        expect(await emulator.admin.calls()).to.deep.equal([]);
    });
});
