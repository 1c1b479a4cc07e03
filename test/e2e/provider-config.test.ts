/**
 * The provider's configuration on the real CLI against the emulator (this file: the dynamic
 * resource's, in the root program; YAML and Python programs in provider-config-yaml.test.ts and
 * provider-config-python.test.ts), each program an example as written (only its stack config set),
 * copied outside the checkout: a profile that names credentials
 * kept only in a shared-credentials file (an explicit provider's `profile` in YAML and Python, and
 * `ram-invitations:profile` for the default provider), what a plugin user gets with `aws:profile`
 * alone (which the engine never hands a plugin) and what the dynamic resource does with it, explicit
 * providers with a default role each and `allowedAccountIds` refusing an account before any RAM call,
 * bad settings failing with their key named, and a secret setting kept out of state.
 *
 * No run has credentials in its environment: only the emulator's endpoints. Each test writes the
 * profiles it needs into the shared-credentials file the harness points every process at
 * (AWS_SHARED_CREDENTIALS_FILE, in the stack's temporary folder), so a call can only be signed with a
 * profile's key; the emulator's call log says which account signed each call.
 */
import { expect } from "chai";
import { rootProjectCopy } from "../../scripts/root-project";
import { OTHER, RECEIVER, SENDER } from "../support/accounts";
import { endToEndSuite } from "../support/end-to-end-suite";
import { arnOf, writeCalls } from "../support/rejections-in-state";
import { REGION, endpointsOnly, writeProfiles, callsBy } from "../support/provider-config-programs";

describe("the dynamic resource's profile settings (the root program, examples/stack-config)", function () {
    this.timeout(10 * 60_000);
    const suite = endToEndSuite();

    it("aws:profile alone names the profile; ram-invitations:profile wins over it", async () => {
        const [first, second] = await suite.emulator.admin.seedPendingInvitations({
            sender: SENDER,
            receiver: RECEIVER,
            count: 2,
            regions: [REGION],
        });
        const rejections = (arns: string[]) =>
            JSON.stringify(Object.fromEntries(arns.map((arn, i) => [`decline-${i + 1}`, { invitationArn: arn }])));
        const harness = await suite.stack({
            copy: rootProjectCopy(),
            config: {
                "ram-invitations:rejections": { value: rejections([first]) },
                "aws:profile": { value: "receiving" },
            },
            env: endpointsOnly(suite.emulator.endpoint),
        });
        // A decoy: another account's key as the default profile.
        await writeProfiles(harness, { default: OTHER, receiving: RECEIVER, other: OTHER });
        await suite.emulator.admin.clearCalls();
        await harness.stack.up();
        expect((await writeCalls(suite.emulator)).map((c) => [arnOf(c), c.accountId])).to.deep.equal([
            [first, RECEIVER.accountId],
        ]);
        expect(await callsBy(suite.emulator, OTHER)).to.deep.equal([]);

        await harness.stack.setAllConfig({
            "ram-invitations:rejections": { value: rejections([first, second]) },
            "aws:profile": { value: "other" },
            "ram-invitations:profile": { value: "receiving" },
        });
        await suite.emulator.admin.clearCalls();
        const up = await harness.stack.up();
        expect(up.summary.resourceChanges).to.deep.equal({ same: 2, create: 1 });
        expect((await writeCalls(suite.emulator)).map((c) => [arnOf(c), c.accountId])).to.deep.equal([
            [second, RECEIVER.accountId],
        ]);
        expect(await callsBy(suite.emulator, OTHER)).to.deep.equal([]);
    });
});
