/**
 * What a user sees when things go wrong outside the program, end to end on the real Pulumi CLI:
 * RAM failing for longer than the SDK retries, no AWS credentials at all, and a file backend
 * whose metadata sidecar a killed update left empty (the README's "When a pipeline dies").
 */
import { expect } from "chai";
import { readdir, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { RunningEmulator } from "../../emulator";
import { PulumiHarness, removeEmptySidecars } from "../../scripts/pulumi-harness";
import { RECEIVER } from "../support/accounts";
import { endToEndSuite, RootStackOptions } from "../support/end-to-end-suite";
import { expectFailure } from "../support/expect-failure";
import { expectRejectedExactlyOnce, rejectionsInState, writeCalls } from "../support/rejections-in-state";
import { seedInvitations } from "../support/seeding";

async function failureMessage(operation: Promise<unknown>): Promise<string> {
    return (await expectFailure(operation)).message;
}

describe("failures outside the program, end to end", function () {
    this.timeout(15 * 60_000);

    const suite = endToEndSuite();
    let emulator: RunningEmulator;
    before(() => (emulator = suite.emulator));

    // The root program imports the library by path, so Pulumi serializes its provider by value.
    function rootStack(arns: string[], options: RootStackOptions = {}): Promise<PulumiHarness> {
        const rejections = Object.fromEntries(arns.map((invitationArn, i) => [`decline-${i + 1}`, { invitationArn }]));
        return suite.rootStack(rejections, options);
    }

    it("RAM answers 503 to every rejection: up fails safely, the rerun rejects once", async () => {
        const arns = await seedInvitations(emulator, 2);
        // The SDK's standard variable shortens the retries, which the provider honours.
        const harness = await rootStack(arns, { env: { AWS_MAX_ATTEMPTS: "3" } });
        await emulator.admin.setFaults("RejectResourceShareInvitation", {
            serverErrorNext: 1000,
            serverErrorStatus: 503,
        });

        const failure = await failureMessage(harness.stack.up());

        for (const arn of arns) {
            expect(failure).to.contain(
                `Could not reject invitation ${arn} (account ${RECEIVER.accountId} in region ${arn.split(":")[3]}): ` +
                    `RAM kept failing with ServiceUnavailableException after the SDK's retries`,
            );
        }
        expect(failure).to.contain("the request carries the same client token, so a retry never rejects twice");
        expect(failure).not.to.contain("incompatible receiver");
        const rejects = await emulator.admin.calls({ operation: "RejectResourceShareInvitation" });
        expect(rejects).to.have.length(2 * 3);

        await emulator.admin.clearFaults();
        await emulator.admin.clearCalls();
        await harness.stack.up();
        const state = await rejectionsInState(harness);
        expectRejectedExactlyOnce(
            await emulator.admin.calls({ operation: "RejectResourceShareInvitation" }),
            arns,
            state,
        );
    });

    // No credentials at all: preview warns and up fails with "no AWS credentials were found";
    // no request is sent.
    it("no credentials at all: preview warns, up fails, no request sent", async () => {
        const arns = await seedInvitations(emulator, 1);
        const harness = await rootStack(arns, { env: { AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "" } });
        await emulator.admin.clearCalls();

        const preview = await harness.stack.preview();
        const failure = await failureMessage(harness.stack.up());

        expect(preview.stdout + preview.stderr).to.contain("no AWS credentials were found, so no request was sent");
        expect(failure).to.contain(`Could not reject invitation ${arns[0]}`);
        expect(failure).to.contain("no AWS credentials were found, so no request was sent");
        expect(failure).not.to.contain("AWS refused the credentials");
        expect(await emulator.admin.calls()).to.deep.equal([]);
    });

    // An empty metadata sidecar fails every command with "failed to load checkpoint: EOF";
    // removing it recovers.
    it("an empty metadata sidecar fails every command; removing it recovers", async () => {
        const arns = await seedInvitations(emulator, 2);
        const harness = await rootStack(arns);
        await harness.stack.up();
        const sidecar = path.join(harness.backendDir, ".pulumi", "stacks", "ram-invitations", "test.json.attrs");
        // What a kill between the blob library's truncate and its rewrite leaves.
        await writeFile(sidecar, "");

        expect(await failureMessage(harness.stack.cancel())).to.contain("failed to load checkpoint: EOF");
        expect(await failureMessage(harness.stack.preview())).to.contain("failed to load checkpoint: EOF");

        expect(await removeEmptySidecars(harness.backendDir)).to.deep.equal([
            path.join(".pulumi", "stacks", "ram-invitations", "test.json.attrs"),
        ]);
        await harness.stack.cancel();
        const preview = await harness.stack.preview();
        expect(Object.keys(preview.changeSummary)).to.deep.equal(["same"]);
        expect(await rejectionsInState(harness)).to.have.length(2);
        expect(await writeCalls(emulator)).to.have.length(2);
    });

    it("a file backend URL with ?metadata=skip keeps no sidecar at all", async () => {
        const arns = await seedInvitations(emulator, 1);
        const harness = await rootStack(arns, { backendQuery: "metadata=skip" });
        await harness.stack.up();
        await harness.stack.refresh();

        const files = await readdir(harness.backendDir, { recursive: true });
        expect(files.filter((file) => file.endsWith(".json"))).not.to.deep.equal([]);
        expect(files.filter((file) => file.endsWith(".attrs"))).to.deep.equal([]);
        const preview = await harness.stack.preview();
        expect(Object.keys(preview.changeSummary)).to.deep.equal(["same"]);
    });
});
