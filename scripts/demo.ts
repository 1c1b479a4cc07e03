/**
 * The main job: `npm run demo`. Runs the root program (rejections declared in stack config)
 * through the real Pulumi CLI against the built-in RAM emulator, and shows that a second `up`
 * changes nothing. Exits 0 only if every step did what it should.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CallLogEntry, clientEnvironment, RunningEmulator, Seed, startEmulator } from "../emulator";
import { PulumiHarness } from "./pulumi-harness";

const REPO = path.resolve(__dirname, "..");
const SEED_FILE = path.join(REPO, "emulator", "demo-seed.json");
const RECEIVER = "222222222222";
/** The shares whose invitations the demo stack rejects; the last share of the seed stays PENDING. */
const REJECTED_SHARES = ["analytics-shared-subnets", "unsolicited-license-configs", "backup-vault-access"];
const WRITE_OPERATIONS = new Set([
    "RejectResourceShareInvitation",
    "AcceptResourceShareInvitation",
    "CreateResourceShare",
]);

class StepFailed extends Error {}

function step(title: string): void {
    console.log(`\n== ${title}`);
}

function expectThat(condition: boolean, what: string): void {
    if (!condition) {
        throw new StepFailed(what);
    }
    console.log(`   ok: ${what}`);
}

function countByOperation(calls: CallLogEntry[]): string {
    const counts = new Map<string, number>();
    for (const call of calls) {
        const key = call.outcome === "ok" ? call.operation : `${call.operation} (${call.outcome})`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts.size === 0 ? "none" : [...counts].map(([op, n]) => `${op} × ${n}`).join(", ");
}

/** Prints Pulumi's own output indented, a whole line at a time (it arrives in arbitrary chunks). */
function indented(): (chunk: string) => void {
    let partial = "";
    return (chunk) => {
        const lines = (partial + chunk).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines) {
            process.stdout.write(`   | ${line}\n`);
        }
    };
}

async function main(): Promise<void> {
    const seed = JSON.parse(readFileSync(SEED_FILE, "utf8")) as Seed;
    const receiver = seed.accounts.find((a) => a.accountId === RECEIVER)!;
    let emulator: RunningEmulator | undefined;
    let harness: PulumiHarness | undefined;
    try {
        step("Starting the local RAM endpoint");
        emulator = await startEmulator({ seed });
        const pending = (await emulator.admin.state()).invitations;
        console.log(
            `   ${emulator.endpoint}: ${seed.accounts.length} accounts, ` +
                `${pending.length} pending invitations for ${receiver.name}`,
        );

        const rejections = Object.fromEntries(
            pending
                .filter((invitation) => REJECTED_SHARES.includes(invitation.resourceShareName))
                .map((invitation) => [
                    `decline-${invitation.resourceShareName}`,
                    { invitationArn: invitation.resourceShareInvitationArn },
                ]),
        );
        step("Stack config (what a pull request edits in Pulumi.<stack>.yaml)");
        console.log("   ram-invitations:rejections:");
        for (const [name, entry] of Object.entries(rejections)) {
            console.log(`     ${name}:\n       invitationArn: ${entry.invitationArn}`);
        }

        step("Preparing the Pulumi CLI and a throw-away stack (local file backend)");
        harness = await PulumiHarness.create({
            program: path.join(REPO, "examples", "stack-config", "index.ts"),
            project: "ram-invitations",
            stack: "demo",
            config: { "ram-invitations:rejections": { value: JSON.stringify(rejections) } },
            env: clientEnvironment(emulator.endpoint, receiver),
        });
        const expected = Object.keys(rejections).length;

        step("pulumi preview (what a reviewer sees on the pull request)");
        await emulator.admin.clearCalls();
        const preview = await harness.stack.preview({ diff: true, onOutput: indented() });
        expectThat(
            preview.changeSummary.create === expected + 1,
            `preview plans ${expected} rejections (and the stack)`,
        );
        const previewCalls = await emulator.admin.calls();
        console.log(`   RAM calls: ${countByOperation(previewCalls)}`);
        expectThat(!previewCalls.some((c) => WRITE_OPERATIONS.has(c.operation)), "preview made no write call");

        step("pulumi up");
        await emulator.admin.clearCalls();
        const up = await harness.stack.up({ onOutput: indented() });
        expectThat(up.summary.resourceChanges?.create === expected + 1, `up created ${expected} rejections`);
        const upCalls = await emulator.admin.calls();
        console.log(`   RAM calls: ${countByOperation(upCalls)}`);
        const rejects = upCalls.filter((c) => c.operation === "RejectResourceShareInvitation" && c.stateChanged);
        expectThat(
            rejects.length === expected,
            `exactly ${expected} RejectResourceShareInvitation calls changed state`,
        );

        step("pulumi up again (nothing to do)");
        await emulator.admin.clearCalls();
        const again = await harness.stack.up({ onOutput: indented() });
        const changes = Object.keys(again.summary.resourceChanges ?? {});
        expectThat(changes.length === 1 && changes[0] === "same", "second up reports no changes");
        const againCalls = await emulator.admin.calls();
        console.log(`   RAM calls: ${countByOperation(againCalls)}`);
        expectThat(!againCalls.some((c) => WRITE_OPERATIONS.has(c.operation)), "second up made no write call");

        step("Invitations of the receiving account, as RAM reports them now");
        const invitations = (await emulator.admin.state()).invitations.filter((i) => i.receiverAccountId === RECEIVER);
        for (const invitation of invitations) {
            console.log(
                `   ${invitation.status.padEnd(9)} ${invitation.resourceShareName.padEnd(28)} ` +
                    `from ${invitation.senderAccountId} in ${invitation.region}`,
            );
        }
        const rejectedNames = invitations
            .filter((i) => i.status === "REJECTED")
            .map((i) => i.resourceShareName)
            .sort();
        expectThat(
            JSON.stringify(rejectedNames) === JSON.stringify([...REJECTED_SHARES].sort()),
            "exactly the declared invitations are rejected",
        );
        expectThat(
            invitations.filter((i) => i.status === "PENDING").length === invitations.length - expected,
            "the undeclared invitation is still pending",
        );

        step("Cleaning up (destroy only forgets the rejections: they cannot be undone)");
        await emulator.admin.clearCalls();
        await harness.stack.destroy();
        expectThat(
            !(await emulator.admin.calls()).some((c) => WRITE_OPERATIONS.has(c.operation)),
            "destroy made no write call",
        );
        console.log("\nDemo succeeded.");
    } finally {
        await harness?.dispose();
        await emulator?.stop();
    }
}

main().catch((error: unknown) => {
    const detail = error instanceof StepFailed ? error.message : error instanceof Error ? error.stack : String(error);
    console.error(`\nDemo FAILED: ${detail}`);
    process.exitCode = 1;
});
