/**
 * The provider plugin's InvitationPolicy component from Pulumi YAML and Python, each program an
 * example as written (examples/yaml-policy and examples/python-policy, only their stack settings
 * set), on the real CLI against the emulator: the same cases in both languages (what is rejected,
 * accepted or left, the guards, report mode, the summary; organization targets in
 * organization-policy-languages.test.ts). The plugin is the checkout's build as `npm install` puts
 * it, as in plugin-programs.test.ts.
 */
import { expect } from "chai";
import type { SeedAccount } from "../../emulator";
import { BYSTANDER, OTHER, RECEIVER, SENDER } from "../support/accounts";
import { endToEndSuite } from "../support/end-to-end-suite";
import { expectFailure } from "../support/expect-failure";
import {
    camelCaseKeys,
    POLICY_EXAMPLES,
    POLICY_REGIONS,
    POLICY_ROLE,
    policyExampleStack,
} from "../support/policy-examples";
import { arnOf, writeCalls } from "../support/rejections-in-state";

for (const example of POLICY_EXAMPLES) {
    const { folder, language } = example;
    describe(`the provider plugin's InvitationPolicy from a ${language} program (examples/${folder})`, function () {
        this.timeout(10 * 60_000);
        const suite = endToEndSuite();
        const role = POLICY_ROLE;
        const regions = POLICY_REGIONS;
        const policyStack = (extra: string[] = []) => policyExampleStack(suite, example, extra);

        function pendingFrom(sender: SeedAccount): Promise<string[]> {
            return suite.emulator.admin.seedPendingInvitations({ sender, receiver: RECEIVER, count: 2, regions });
        }

        it("rejects only the unwanted senders' invitations, in both regions, as the role's account", async () => {
            const allowed = await pendingFrom(SENDER);
            const unwanted = [...(await pendingFrom(OTHER)), ...(await pendingFrom(BYSTANDER))];
            await suite.emulator.admin.clearCalls();
            const harness = await policyStack();

            const preview = await harness.stack.preview();
            for (const arn of unwanted) {
                expect(preview.stdout).to.include(`allowed-senders-only-${arn.slice(arn.lastIndexOf("/") + 1)}`);
            }
            for (const arn of allowed) {
                expect(preview.stdout).not.to.include(arn.slice(arn.lastIndexOf("/") + 1));
            }
            expect(await writeCalls(suite.emulator)).to.deep.equal([]);

            const up = await harness.stack.up();
            const writes = await writeCalls(suite.emulator);
            expect(writes.map(arnOf)).to.have.members(unwanted);
            expect(new Set(writes.map((c) => c.accountId))).to.deep.equal(new Set([RECEIVER.accountId]));
            // Python's SDK exports the summary with its own (snake_case) property names.
            expect(camelCaseKeys(up.outputs.summary.value)).to.deep.include({
                pendingAllowed: 2,
                rejectedNow: 4,
                mode: "enforce",
            });

            const again = await harness.stack.up();
            expect(again.summary.resourceChanges).to.deep.equal({ same: 6 }); // stack, policy, 4 rejections
            expect(await writeCalls(suite.emulator)).to.have.length(unwanted.length);
        });

        it('with allowed "accept": accepts the allowed, rejects the rest, none pending, through the role', async () => {
            const allowed = await pendingFrom(SENDER);
            const unwanted = await pendingFrom(OTHER);
            await suite.emulator.admin.clearCalls();
            const harness = await policyStack(["allowed: accept"]);

            const up = await harness.stack.up();
            expect(camelCaseKeys(up.outputs.summary.value)).to.deep.include({
                pendingAllowed: 0,
                acceptedNow: 2,
                rejectedNow: 2,
            });
            const writes = await writeCalls(suite.emulator);
            const accepted = writes.filter((c) => c.operation === "AcceptResourceShareInvitation");
            expect(accepted.map(arnOf)).to.have.members(allowed);
            expect(writes.filter((c) => c.operation === "RejectResourceShareInvitation").map(arnOf)).to.have.members(
                unwanted,
            );
            expect(new Set(writes.map((c) => c.accountId))).to.deep.equal(new Set([RECEIVER.accountId]));
            const { invitations } = await suite.emulator.admin.state();
            expect(
                invitations.filter((i) => i.receiverAccountId === RECEIVER.accountId).map((i) => i.status),
            ).to.not.include("PENDING");

            const again = await harness.stack.up();
            expect(again.summary.resourceChanges).to.deep.equal({ same: 6 }); // stack, policy, 2 + 2 children
            expect(await writeCalls(suite.emulator)).to.have.length(writes.length);
        });

        it("in report mode rejects nothing and reports what it would reject", async () => {
            await pendingFrom(SENDER);
            await pendingFrom(OTHER);
            await suite.emulator.admin.clearCalls();
            const harness = await policyStack(["mode: report"]);

            const up = await harness.stack.up();
            expect(camelCaseKeys(up.outputs.summary.value)).to.deep.include({
                pendingAllowed: 2,
                wouldReject: 2,
                rejectedNow: 0,
                mode: "report",
            });
            expect(up.summary.resourceChanges).to.deep.equal({ create: 2 }); // the stack and the policy
            expect(await writeCalls(suite.emulator)).to.deep.equal([]);
        });

        it("its guard refuses before any write, in preview and in up", async () => {
            await pendingFrom(OTHER);
            await suite.emulator.admin.clearCalls();
            const harness = await policyStack(["maxRejectionsPerRun: 1"]);
            const guard = `would reject 2 pending invitations in this run, more than maxRejectionsPerRun (1)`;

            const preview = String(await expectFailure(harness.stack.preview()));
            expect(preview).to.include(guard).and.to.include(`through role ${role}`);
            const up = String(await expectFailure(harness.stack.up()));
            expect(up).to.include(guard);
            expect(up).not.to.match(/\s+at \S+ \(/); // no stack trace
            expect(await writeCalls(suite.emulator)).to.deep.equal([]);
        });
    });
}
