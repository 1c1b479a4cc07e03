/**
 * Allow lists that know the AWS Organization from Pulumi YAML and Python: the policy examples
 * (examples/yaml-policy, examples/python-policy) run as written with organization targets in their
 * stack settings, on the real CLI, the plugin and the emulator. One stack per language goes through
 * an organization it cannot read (the run refuses before any write), one it can (the OU's ACTIVE
 * accounts left pending, the rest rejected), and an account that joins the OU (allowed on the next
 * run with no change). Python reads the organization through organizationRoleArn with its secret
 * organizationExternalId, which appears in no output and nowhere in the stack's state in plain text.
 */
import { expect } from "chai";
import type { SeedAccount } from "../../emulator";
import type { PulumiHarness } from "../../scripts/pulumi-harness";
import { HUB, RECEIVER, SENDER } from "../support/accounts";
import { endToEndSuite, EndToEndSuite } from "../support/end-to-end-suite";
import { expectFailure } from "../support/expect-failure";
import { ALLOWED_OU, inviteFrom, NESTED_OU, seedOrganization, SENDERS } from "../support/organization";
import { camelCaseKeys, POLICY_EXAMPLES, POLICY_REGIONS, policyExampleStack } from "../support/policy-examples";
import { arnOf, writeCalls } from "../support/rejections-in-state";
import { expectNoneInStack } from "../support/stack-files";

/** A role in RECEIVER (a delegated administrator) that reads the organization, for the hub, with an external id. */
const ORGANIZATION_ROLE = `arn:aws:iam::${RECEIVER.accountId}:role/org-reader`;
const EXTERNAL_ID = "org-reader-external-id-51c2";
const WRONG_EXTERNAL_ID = "not-the-org-external-id-9d";

/** How a language's stack first meets an organization it cannot read, and how it then can. */
interface Unreadable {
    /** What the first run meets. */
    title: string;
    /** Config lines of the example beyond the organization target. */
    settings: string[];
    /** Sets up the unreadable organization. */
    arrange(suite: EndToEndSuite, harness: PulumiHarness): Promise<void>;
    /** What the refusal says, after the policy's own sentence. */
    says: RegExp;
    /** Makes the organization readable, with no change to the program. */
    repair(suite: EndToEndSuite, harness: PulumiHarness): Promise<void>;
    /** The identity every Organizations call of a readable run is made by. */
    reader: RegExp;
    /** Texts that must appear in no output of the CLI and nowhere in the stack's state and backend. */
    secrets: string[];
}

const UNREADABLE: Record<string, Unreadable> = {
    "yaml-policy": {
        title: "the provider's account is in no organization (yet)",
        settings: [],
        arrange: async ({ emulator }) => {
            await emulator.admin.seed({ accounts: Object.values(SENDERS) });
        },
        says: /the account of the provider's credentials is not in an AWS Organization.*Give organizationRoleArn a role/,
        repair: ({ emulator }) => seedOrganization(emulator),
        // HUB, whose credentials the provider has, is the organization's management account.
        reader: new RegExp(`^arn:aws:iam::${HUB.accountId}:root$`),
        secrets: [],
    },
    "python-policy": {
        title: "organizationRoleArn's trust refuses the external id given",
        settings: [`organizationRoleArn: ${ORGANIZATION_ROLE}`],
        arrange: async ({ emulator }, harness) => {
            await seedOrganization(emulator);
            await emulator.admin.seed({
                accounts: [],
                roles: [{ roleArn: ORGANIZATION_ROLE, trustedPrincipals: [HUB.accountId], externalId: EXTERNAL_ID }],
            });
            await setExternalId(harness, WRONG_EXTERNAL_ID);
        },
        says: new RegExp(
            `could not assume the role to read .* through, role ${ORGANIZATION_ROLE} .*AccessDenied.*` +
                `Check that its trust policy allows the provider's credentials, and organizationExternalId`,
        ),
        repair: (_, harness) => setExternalId(harness, EXTERNAL_ID),
        reader: new RegExp(`^arn:aws:sts::${RECEIVER.accountId}:assumed-role/org-reader/`),
        secrets: [EXTERNAL_ID, WRONG_EXTERNAL_ID],
    },
};

/** The Python example's organizationExternalId, set as a user sets it: `pulumi config set --secret`. */
function setExternalId(harness: PulumiHarness, value: string): Promise<void> {
    return harness.stack.setConfig("ram-invitations-python-policy:organizationExternalId", { value, secret: true });
}

for (const example of POLICY_EXAMPLES) {
    const { folder, language } = example;
    const unreadable = UNREADABLE[folder];
    describe(`organization targets from a ${language} program (examples/${folder})`, function () {
        this.timeout(15 * 60_000);
        const suite = endToEndSuite();

        it(
            `refuses while ${unreadable.title}; then leaves the OU's ACTIVE accounts' invitations pending, ` +
                "rejects the rest, and allows an account that joins the OU on the next run",
            async () => {
                const { emulator } = suite;
                const harness = await policyExampleStack(suite, example, [
                    `allowedOrganizationTargets: [${ALLOWED_OU}]`,
                    ...unreadable.settings,
                ]);
                await unreadable.arrange(suite, harness);
                const from = (sender: SeedAccount) => inviteFrom(emulator, sender, POLICY_REGIONS[0]);
                const pendingFromSender = await emulator.admin.seedPendingInvitations({
                    sender: SENDER,
                    receiver: RECEIVER,
                    count: 2,
                    regions: POLICY_REGIONS,
                });
                const allowed = [await from(SENDERS.inOu), await from(SENDERS.inNestedOu), ...pendingFromSender];
                const unwanted = [await from(SENDERS.suspended), await from(SENDERS.outsider)];
                await emulator.admin.clearCalls();
                const outputs: string[] = [];

                // The organization cannot be read: the run refuses before any write.
                const refusal = await expectFailure(harness.stack.up());
                outputs.push(String(refusal));
                const message = String(refusal).replace(/\s+/g, " ");
                expect(message).to.contain(
                    `InvitationPolicy "allowed-senders-only" could not read the AWS Organization its ` +
                        `allowedOrganizationTargets name, so it rejects and accepts nothing: `,
                );
                expect(message).to.match(unreadable.says);
                expect(await writeCalls(emulator)).to.deep.equal([]);
                const { invitations } = await emulator.admin.state();
                expect(invitations.filter((i) => i.status !== "PENDING")).to.deep.equal([]);

                // Readable: the OU's and its nested OU's ACTIVE accounts are allowed.
                await unreadable.repair(suite, harness);
                const preview = await harness.stack.preview();
                expect(preview.stdout).to.include(`allows OU ${ALLOWED_OU}: 2 ACTIVE accounts`);
                await emulator.admin.clearCalls();
                const up = await harness.stack.up();
                expect((await writeCalls(emulator)).map(arnOf)).to.have.members(unwanted);
                const summary = camelCaseKeys(up.outputs.summary.value);
                expect(summary).to.deep.include({ pendingAllowed: allowed.length, rejectedNow: 2 });
                expect(summary.organizationTargets).to.deep.equal({ [ALLOWED_OU]: 2 });
                expect(summary.allowedBy).to.deep.include({ [SENDERS.inNestedOu.accountId]: ALLOWED_OU });
                const reads = await emulator.admin.calls({ service: "organizations" });
                expect(reads.filter((c) => c.operation === "DescribeOrganization")).to.have.length(1);
                for (const call of reads) {
                    expect(call.callerArn, call.operation).to.match(unreadable.reader);
                }
                outputs.push(preview.stdout, preview.stderr, up.stdout, up.stderr);

                // An account joins the nested OU and invites: allowed, with no change to the program or settings.
                await emulator.admin.joinOrganization(SENDERS.joiner.accountId, { parentId: NESTED_OU });
                const joined = await from(SENDERS.joiner);
                await emulator.admin.clearCalls();
                const second = await harness.stack.up();
                outputs.push(second.stdout, second.stderr);
                const later = camelCaseKeys(second.outputs.summary.value);
                expect(later).to.deep.include({ pendingAllowed: allowed.length + 1, rejectedNow: 0 });
                expect(later.organizationTargets).to.deep.equal({ [ALLOWED_OU]: 3 });
                expect(later.allowedBy).to.deep.include({ [SENDERS.joiner.accountId]: ALLOWED_OU });
                expect(await writeCalls(emulator)).to.deep.equal([]);
                const status = (await emulator.admin.state()).invitations.find(
                    (i) => i.resourceShareInvitationArn === joined,
                )?.status;
                expect(status).to.equal("PENDING");

                if (unreadable.secrets.length > 0) {
                    for (const secret of unreadable.secrets) {
                        outputs.forEach((text, i) => expect(text, `the CLI's output ${i + 1}`).not.to.contain(secret));
                    }
                    await expectNoneInStack(harness, unreadable.secrets, unwanted[0], { showSecrets: false });
                }
            },
        );
    });
}
