/**
 * The provider plugin's InvitationPolicy component from Pulumi YAML and Python, each program an
 * example as written (examples/yaml-policy and examples/python-policy, only their stack settings
 * set), on the real CLI against the emulator: the same cases in both languages (what is rejected,
 * accepted or left, the guards, report mode, the summary, organization targets). The plugin is the
 * checkout's build as `npm install` puts it, as in plugin-programs.test.ts.
 */
import { writeFile } from "node:fs/promises";
import * as path from "node:path";
import { expect } from "chai";
import { clientEnvironment, SeedAccount } from "../../emulator";
import { installCheckout } from "../../scripts/install-checkout";
import { installPythonSdk } from "../../scripts/install-python-sdk";
import { PulumiHarness } from "../../scripts/pulumi-harness";
import { BYSTANDER, HUB, OTHER, RECEIVER, SENDER } from "../support/accounts";
import { endToEndSuite } from "../support/end-to-end-suite";
import { expectFailure } from "../support/expect-failure";
import { arnOf, writeCalls } from "../support/rejections-in-state";
import { ALLOWED_OU, inviteFrom, seedOrganization, SENDERS } from "../support/organization";

const REPO = path.resolve(__dirname, "..", "..");
const MODULES = path.join(REPO, "node_modules");

/** The policy examples: the same program and stack settings in YAML and in Python. */
const POLICY_EXAMPLES = [
    { folder: "yaml-policy", language: "Pulumi YAML", paths: ["Pulumi.yaml"] },
    { folder: "python-policy", language: "Python", paths: ["Pulumi.yaml", "__main__.py", "requirements.txt"] },
];

for (const { folder, language, paths } of POLICY_EXAMPLES) {
    describe(`the provider plugin's InvitationPolicy from a ${language} program (examples/${folder})`, function () {
        this.timeout(10 * 60_000);
        const suite = endToEndSuite();
        const example = path.join(REPO, "examples", folder);
        const project = `ram-invitations-${folder}`;
        const role = `arn:aws:iam::${RECEIVER.accountId}:role/ram-invitations`;
        const regions = ["us-east-1", "eu-west-1"];

        /** The example run from the hub account, reaching RECEIVER through its role, with `extra` config lines. */
        async function policyStack(extra: string[] = []): Promise<PulumiHarness> {
            await suite.emulator.admin.seed({
                accounts: [HUB, RECEIVER],
                roles: [{ roleArn: role, trustedPrincipals: [HUB.accountId] }],
            });
            installCheckout();
            const links: Record<string, string> = { node_modules: MODULES };
            if (paths.includes("__main__.py")) {
                links.venv = installPythonSdk();
            }
            const harness = await suite.stack({
                copy: { root: example, paths, links },
                env: clientEnvironment(suite.emulator.endpoint, HUB),
            });
            // The stack's settings as a user writes them, in Pulumi.<stack>.yaml.
            const settings = [
                "config:",
                `  ${project}:roleArn: ${role}`,
                `  ${project}:allowedSenderAccountIds: ["${SENDER.accountId}"]`,
                `  ${project}:regions: [${regions.join(", ")}]`,
                ...extra.map((line) => `  ${project}:${line}`),
            ];
            await writeFile(path.join(harness.stack.workspace.workDir, "Pulumi.test.yaml"), `${settings.join("\n")}\n`);
            return harness;
        }

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

        it("with an OU allowed: ACTIVE accounts' invitations left pending, a suspended one's rejected", async () => {
            const harness = await policyStack([`allowedOrganizationTargets: [${ALLOWED_OU}]`]);
            // HUB, whose credentials the provider has, is the organization's management account.
            await seedOrganization(suite.emulator);
            const from = async (sender: SeedAccount) => inviteFrom(suite.emulator, sender, regions[0]);
            const allowed = [await from(SENDERS.inOu), await from(SENDERS.inNestedOu), ...(await pendingFrom(SENDER))];
            const unwanted = [await from(SENDERS.suspended), await from(SENDERS.outsider)];
            await suite.emulator.admin.clearCalls();

            const preview = await harness.stack.preview();
            expect(preview.stdout).to.include(`allows OU ${ALLOWED_OU}: 2 ACTIVE accounts`);
            const up = await harness.stack.up();
            expect((await writeCalls(suite.emulator)).map(arnOf)).to.have.members(unwanted);
            const summary = camelCaseKeys(up.outputs.summary.value);
            expect(summary).to.deep.include({ pendingAllowed: allowed.length, rejectedNow: 2 });
            expect(summary.organizationTargets).to.deep.equal({ [ALLOWED_OU]: 2 });
            expect(summary.allowedBy).to.deep.include({ [SENDERS.inNestedOu.accountId]: ALLOWED_OU });
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

/** An object with its snake_case keys in camelCase. */
function camelCaseKeys(value: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(
        Object.entries(value).map(([key, v]) => [key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
    );
}
