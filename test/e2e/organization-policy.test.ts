/**
 * Allow lists that know the AWS Organization, end to end: the root program with
 * `ram-invitations:policy.allowedOrganizationTargets` in stack config, on the real Pulumi CLI
 * against the emulator.
 */
import { expect } from "chai";
import { CommandError } from "@pulumi/pulumi/automation";
import type { RunningEmulator } from "../../emulator";
import { OTHER, RECEIVER, SENDER } from "../support/accounts";
import { endToEndSuite } from "../support/end-to-end-suite";
import { expectFailure } from "../support/expect-failure";
import { rejectionsInState, writeCalls } from "../support/rejections-in-state";

const OU = "ou-ab12-platform1";
const REGIONS = ["us-east-1"];

describe("a policy with organization targets, end to end", function () {
    this.timeout(15 * 60_000);
    const suite = endToEndSuite();
    let emulator: RunningEmulator;
    before(() => (emulator = suite.emulator));

    it("refuses before any write, in preview and up, when the organization cannot be read", async () => {
        // The receiving account is in no organization the endpoint knows: nothing tells who is in the OU.
        await emulator.admin.seedPendingInvitations({ sender: OTHER, receiver: RECEIVER, count: 1, regions: REGIONS });
        await emulator.admin.seedPendingInvitations({ sender: SENDER, receiver: RECEIVER, count: 1, regions: REGIONS });
        await emulator.admin.clearCalls();
        const harness = await suite.rootStack(
            {},
            {
                config: { policy: { allowedOrganizationTargets: [OU], regions: REGIONS } },
                env: { AWS_ENDPOINT_URL_ORGANIZATIONS: emulator.endpoint },
            },
        );

        for (const operation of [() => harness.stack.preview(), () => harness.stack.up()]) {
            const { message } = await expectFailure(operation(), CommandError);
            expect(message).to.contain(
                `InvitationPolicy "ram-invitations-policy" could not read the AWS Organization its ` +
                    `allowedOrganizationTargets name, so it rejects and accepts nothing: `,
            );
            expect(message).to.contain("through the provider's credentials");
        }
        expect(await writeCalls(emulator)).to.deep.equal([]);
        expect(await rejectionsInState(harness)).to.deep.equal([]);
        const { policy } = await harness.stack.outputs();
        expect(policy.value).to.deep.include({ refused: true, rejectedNow: 0, acceptedNow: 0 });
    });
});
