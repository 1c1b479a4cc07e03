/**
 * The run every plugin program is held to (the examples from the checkout in plugin-programs.test.ts,
 * and from a release in release.test.ts).
 */
import { expect } from "chai";
import type { RunningEmulator } from "../../emulator";
import type { PulumiHarness } from "../../scripts/pulumi-harness";
import { OTHER, RECEIVER } from "./accounts";
import { arnOf, writeCalls } from "./rejections-in-state";

/**
 * One program's run: its preview names the sender and share of the invitation it declares, `up`
 * rejects that one only, a second `up` changes nothing, and the state holds no provider code and
 * no credential.
 */
export async function expectRejectsOnce(
    emulator: RunningEmulator,
    stackFor: (invitationArn: string) => Promise<PulumiHarness>,
    options: { stillPending?: boolean } = {},
): Promise<void> {
    const [unwanted, other] = await emulator.admin.seedPendingInvitations({
        sender: OTHER,
        receiver: RECEIVER,
        count: 2,
        regions: ["us-east-1"],
        namePrefix: "unwanted",
    });
    await emulator.admin.clearCalls();
    const harness = await stackFor(unwanted);

    const preview = await harness.stack.preview({ diff: true });
    expect(preview.stdout).to.include(`senderAccountId  : "${OTHER.accountId}"`);
    expect(preview.stdout).to.include(`resourceShareName: "unwanted-1"`);
    expect(await writeCalls(emulator)).to.deep.equal([]);

    const up = await harness.stack.up();
    expect(up.outputs.status.value).to.equal("REJECTED");
    expect(up.outputs.senderAccountId.value).to.equal(OTHER.accountId);
    if (options.stillPending) {
        // getInvitations ran before the rejection: both were pending then.
        const listed = up.outputs.stillPending.value as { invitationArn: string }[];
        expect(listed.map((i) => i.invitationArn)).to.have.members([unwanted, other]);
    }
    expect((await writeCalls(emulator)).map(arnOf)).to.deep.equal([unwanted]);

    const again = await harness.stack.up();
    expect(again.summary.resourceChanges).to.deep.equal({ same: 2 });
    expect((await writeCalls(emulator)).map(arnOf)).to.deep.equal([unwanted]);
    const stored = JSON.stringify((await harness.stack.exportStack()).deployment);
    expect(stored).not.to.include("__provider");
    const secret = RECEIVER.secretAccessKey as string;
    for (const text of [stored, preview.stdout, preview.stderr, up.stdout, up.stderr, again.stdout, again.stderr]) {
        expect(text).not.to.include(secret);
    }
}
