/**
 * Allow lists that know the AWS Organization, end to end: the root program with
 * `ram-invitations:policy.allowedOrganizationTargets` in stack config, on the real Pulumi CLI
 * against the emulator.
 */
import { expect } from "chai";
import { CommandError } from "@pulumi/pulumi/automation";
import type { RunningEmulator } from "../../emulator";
import { endToEndSuite } from "../support/end-to-end-suite";
import { expectFailure } from "../support/expect-failure";
import { ALLOWED_OU, NESTED_OU, inviteFrom, seedOrganization, SENDERS } from "../support/organization";
import { arnOf, expectRejectedExactlyOnce, rejectionsInState, writeCalls } from "../support/rejections-in-state";

const OU = ALLOWED_OU;
const REGION = "us-east-1";
const REGIONS = [REGION];

describe("a policy with organization targets, end to end", function () {
    this.timeout(15 * 60_000);
    const suite = endToEndSuite();
    let emulator: RunningEmulator;
    before(() => (emulator = suite.emulator));

    it("accepts the OU's ACTIVE accounts and the partner, rejects the rest once; a joiner is allowed", async () => {
        await seedOrganization(emulator);
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
        const policy = {
            allowedOrganizationTargets: [OU],
            allowedSenderAccountIds: [SENDERS.partner.accountId],
            regions: REGIONS,
            allowed: "accept",
        };
        const harness = await suite.rootStack({}, { config: { policy } });

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
