/**
 * Allow lists that know the AWS Organization, end to end: the root program with
 * `ram-invitations:policy.allowedOrganizationTargets` in stack config (read through
 * organizationRoleArn with a secret organizationExternalId), and a fleet of accounts in
 * `ram-invitations:accounts` sharing one read of the organization, on the real Pulumi CLI against
 * the emulator.
 */
import { expect } from "chai";
import { CommandError } from "@pulumi/pulumi/automation";
import type { RunningEmulator, SeedAccount } from "../../emulator";
import { BYSTANDER, HUB, OTHER, RECEIVER, SENDER } from "../support/accounts";
import { endToEndSuite } from "../support/end-to-end-suite";
import { expectFailure } from "../support/expect-failure";
import { ALLOWED_OU, NESTED_OU, inviteFrom, seedOrganization, SENDERS } from "../support/organization";
import { arnOf, expectRejectedExactlyOnce, rejectionsInState, writeCalls } from "../support/rejections-in-state";
import { expectNoneInStack } from "../support/stack-files";

const OU = ALLOWED_OU;
const REGION = "us-east-1";
const REGIONS = [REGION];
/** A role in the organization's management account that the receiver may assume with the external id. */
const ORGANIZATION_ROLE = `arn:aws:iam::${HUB.accountId}:role/org-reader`;
const EXTERNAL_ID = "org-reader-external-id-7b1e";

describe("a policy with organization targets, end to end", function () {
    this.timeout(15 * 60_000);
    const suite = endToEndSuite();
    let emulator: RunningEmulator;
    before(() => (emulator = suite.emulator));

    it("accepts the OU's ACTIVE accounts and the partner, rejects the rest once; a joiner is allowed", async () => {
        // The receiver may not read the organization itself: every read goes through the role.
        await seedOrganization(emulator, false);
        await emulator.admin.seed({
            accounts: [],
            roles: [{ roleArn: ORGANIZATION_ROLE, trustedPrincipals: [RECEIVER.accountId], externalId: EXTERNAL_ID }],
        });
        const invitations = Object.fromEntries(
            await Promise.all(
                Object.entries(SENDERS)
                    .filter(([who]) => who !== "joiner")
                    .map(async ([who, sender]) => [who, await inviteFrom(emulator, sender, REGION)] as const),
            ),
        );
        const wanted = [invitations.inOu, invitations.inNestedOu, invitations.partner];
        const unwanted = [
            invitations.inOtherOu,
            invitations.suspended,
            invitations.outsider,
            invitations.secondOutsider,
        ];
        await emulator.admin.clearCalls();
        // The policy set as the docs say to, each setting by its path, the external id as a secret.
        const harness = await suite.rootStack({});
        const policy: Record<string, string> = {
            "allowedOrganizationTargets[0]": OU,
            "allowedSenderAccountIds[0]": SENDERS.partner.accountId,
            "regions[0]": REGION,
            allowed: "accept",
            organizationRoleArn: ORGANIZATION_ROLE,
        };
        await harness.stack.setAllConfig(
            {
                ...Object.fromEntries(
                    Object.entries(policy).map(([path, value]) => [`ram-invitations:policy.${path}`, { value }]),
                ),
                "ram-invitations:policy.organizationExternalId": { value: EXTERNAL_ID, secret: true },
            },
            true,
        );

        const preview = await harness.stack.preview();
        expect(preview.stdout).to.contain(`allows OU ${OU}: 2 ACTIVE accounts`);
        expect(preview.stdout).to.contain(
            `will accept ${invitations.inNestedOu}: from account ${SENDERS.inNestedOu.accountId}, share ` +
                `"from-in-nested-1", in ${REGION} (allowed as an ACTIVE account of OU ${OU})`,
        );
        expect(preview.stdout).to.contain(`will accept ${invitations.partner}`).and.to.contain("(an allowed account)");
        expect(preview.stdout).to.contain(`will reject ${invitations.suspended}`);
        expect(await writeCalls(emulator)).to.deep.equal([]);

        const up = await harness.stack.up();
        const reads = await emulator.admin.calls({ service: "organizations" });
        expect(reads.filter((c) => c.operation === "DescribeOrganization")).to.have.length(2); // preview, up
        for (const call of reads) {
            expect(call.callerArn, call.operation).to.match(
                new RegExp(`^arn:aws:sts::${HUB.accountId}:assumed-role/org-reader/`),
            );
        }
        const state = await rejectionsInState(harness);
        expectRejectedExactlyOnce(
            await emulator.admin.calls({ operation: "RejectResourceShareInvitation" }),
            unwanted,
            state,
        );
        const accepts = await emulator.admin.calls({ operation: "AcceptResourceShareInvitation" });
        expect(
            accepts
                .filter((c) => c.stateChanged)
                .map(arnOf)
                .sort(),
        ).to.deep.equal([...wanted].sort());
        expect(up.outputs.policy.value).to.deep.include({
            acceptedNow: 3,
            rejectedNow: 4,
            organizationTargets: { [OU]: 2 },
            allowedBy: {
                [SENDERS.inOu.accountId]: OU,
                [SENDERS.inNestedOu.accountId]: OU,
                [SENDERS.partner.accountId]: SENDERS.partner.accountId,
            },
        });

        // An account joins the OU's nested OU and invites: the next run allows it, with no change to the program.
        await emulator.admin.joinOrganization(SENDERS.joiner.accountId, { parentId: NESTED_OU });
        const joined = await inviteFrom(emulator, SENDERS.joiner, REGION);
        await emulator.admin.clearCalls();
        const second = await harness.stack.up();
        expect(second.outputs.policy.value).to.deep.include({ acceptedNow: 1, rejectedNow: 0 });
        expect(second.outputs.policy.value.organizationTargets).to.deep.equal({ [OU]: 3 });
        const acceptedLater = await emulator.admin.calls({ operation: "AcceptResourceShareInvitation" });
        expect(acceptedLater.filter((c) => c.stateChanged).map(arnOf)).to.deep.equal([joined]);
        expect(await emulator.admin.calls({ operation: "RejectResourceShareInvitation" })).to.deep.equal([]);

        // The external id: in no output of the CLI, and nowhere in the stack's state or backend.
        for (const [i, text] of [
            preview.stdout,
            preview.stderr,
            up.stdout,
            up.stderr,
            second.stdout,
            second.stderr,
        ].entries()) {
            expect(text, `the CLI's output ${i + 1}`).not.to.contain(EXTERNAL_ID);
        }
        const { exported } = await expectNoneInStack(harness, [EXTERNAL_ID], joined, { showSecrets: false });
        expect(exported, "the export with secrets shown: the stack keeps it as a secret").to.contain(EXTERNAL_ID);
    });

    it("a fleet's policies share one read of the organization per reading identity", async () => {
        await seedOrganization(emulator);
        // Three accounts' policies read with the provider's credentials, a fourth's through a role.
        const receivers = [RECEIVER, OTHER, BYSTANDER, SENDER];
        const roleIn = (account: SeedAccount) => `arn:aws:iam::${account.accountId}:role/ram-invitations`;
        const reader = `arn:aws:iam::${RECEIVER.accountId}:role/org-reader`; // RECEIVER: a delegated administrator
        await emulator.admin.seed({
            accounts: [OTHER, BYSTANDER, SENDER],
            roles: [...receivers.map(roleIn), reader].map((roleArn) => ({
                roleArn,
                trustedPrincipals: [HUB.accountId],
            })),
        });
        const invite = async (sender: SeedAccount, receiver: SeedAccount) => {
            const [arn] = await emulator.admin.seedPendingInvitations({
                sender,
                receiver,
                count: 1,
                regions: REGIONS,
                namePrefix: `from-${sender.name}-to-${receiver.accountId}`,
            });
            return arn;
        };
        const allowed = await Promise.all(receivers.map((receiver) => invite(SENDERS.inNestedOu, receiver)));
        const unwanted = await Promise.all(receivers.map((receiver) => invite(SENDERS.outsider, receiver)));
        await emulator.admin.clearCalls();
        // Run as the hub, the organization's management account, whose own credentials read it.
        const policy = { allowedOrganizationTargets: [OU], regions: REGIONS };
        const accounts = Object.fromEntries(
            receivers.map((account, i) => [
                `account-${i + 1}`,
                {
                    roleArn: roleIn(account),
                    policy: account === SENDER ? { ...policy, organizationRoleArn: reader } : policy,
                },
            ]),
        );
        const harness = await suite.rootStack({}, { credentials: HUB, config: { accounts } });

        await harness.stack.up();
        const rejects = await emulator.admin.calls({ operation: "RejectResourceShareInvitation" });
        expectRejectedExactlyOnce(rejects, unwanted, await rejectionsInState(harness));
        for (const [i, receiver] of receivers.entries()) {
            expect(rejects.find((c) => arnOf(c) === unwanted[i])?.accountId).to.equal(receiver.accountId);
        }
        const statuses = (await emulator.admin.state()).invitations.filter((i) =>
            allowed.includes(i.resourceShareInvitationArn),
        );
        expect(statuses.map((i) => i.status)).to.deep.equal(["PENDING", "PENDING", "PENDING", "PENDING"]);
        // Two reading identities (the hub's own key, the role's session): one DescribeOrganization each,
        // and each OU listed once by each.
        const reads = await emulator.admin.calls({ service: "organizations" });
        const byHub = reads.filter((c) => c.callerArn === `arn:aws:iam::${HUB.accountId}:root`);
        const byRole = reads.filter((c) =>
            c.callerArn?.startsWith(`arn:aws:sts::${RECEIVER.accountId}:assumed-role/org-reader/`),
        );
        expect(byHub.length + byRole.length, "every read is by one of the two").to.equal(reads.length);
        for (const [who, calls] of Object.entries({ hub: byHub, role: byRole })) {
            expect(
                calls.filter((c) => c.operation === "DescribeOrganization"),
                who,
            ).to.have.length(1);
            const listings = calls.map((c) => `${c.operation} ${JSON.stringify(c.parameters)}`);
            expect(listings, who).to.have.length(new Set(listings).size);
        }
    });

    // Each: how the organization is (not) readable, and what the refusal must say.
    const UNREADABLE: [string, boolean, RegExp][] = [
        ["the receiver is in no organization", false, /is not in an AWS Organization.*organizationRoleArn/],
        ["the receiver is a member without rights", true, /may not read .*AccessDeniedException.*organizationRoleArn/],
    ];
    for (const [title, seeded, says] of UNREADABLE) {
        it(`refuses before any write, in preview and up, when ${title}`, async () => {
            if (seeded) {
                await seedOrganization(emulator, false);
            }
            await inviteFrom(emulator, SENDERS.outsider, REGION);
            await inviteFrom(emulator, SENDERS.inOu, REGION);
            await emulator.admin.clearCalls();
            const policy = { allowedOrganizationTargets: [OU], regions: REGIONS };
            const harness = await suite.rootStack({}, { config: { policy } });

            for (const operation of [() => harness.stack.preview(), () => harness.stack.up()]) {
                const { message } = await expectFailure(operation(), CommandError);
                expect(message).to.contain(
                    `InvitationPolicy "ram-invitations-policy" could not read the AWS Organization its ` +
                        `allowedOrganizationTargets name, so it rejects and accepts nothing: `,
                );
                expect(message.replace(/\s+/g, " ")).to.match(says);
            }
            expect(await writeCalls(emulator)).to.deep.equal([]);
            expect(await rejectionsInState(harness)).to.deep.equal([]);
            expect((await emulator.admin.state()).invitations.map((i) => i.status)).to.deep.equal([
                "PENDING",
                "PENDING",
            ]);
            const { policy: summary } = await harness.stack.outputs();
            expect(summary.value).to.deep.include({ refused: true, rejectedNow: 0, acceptedNow: 0 });
        });
    }
});
