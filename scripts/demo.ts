/**
 * The main job: `npm run demo`. Runs the root program through the real Pulumi CLI against the
 * built-in RAM emulator: first explicit rejections declared in stack config (a second `up` changes
 * nothing), then a rejection policy (it rejects every invitation from a sender it does not allow,
 * and the next `up` rejects one that arrived in between, and only it). Exits 0 only if every step
 * did what it should.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { PreviewResult, UpResult } from "@pulumi/pulumi/automation";
import {
    CallLogEntry,
    clientEnvironment,
    InvitationView,
    RAM_WRITE_OPERATIONS,
    RunningEmulator,
    Seed,
    SeedAccount,
    startEmulator,
} from "../emulator";
import { projectConfig, PulumiHarness } from "./pulumi-harness";
import { ROOT_PROJECT, rootProjectCopy } from "./root-project";

const REPO = path.resolve(__dirname, "..");
const SEED_FILE = path.join(REPO, "emulator", "demo-seed.json");
const RECEIVER = "222222222222";
/** Part 2's policy allows this sender (partner-network) only. */
const ALLOWED_SENDER = "444444444444";
/** Sends an invitation between two runs of part 2 (vendor-backup). */
const LATE_SENDER = "333333333333";
/** The shares whose invitations the demo stack rejects; the last share of the seed stays PENDING. */
const REJECTED_SHARES = ["analytics-shared-subnets", "unsolicited-license-configs", "backup-vault-access"];

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

/** Invitations of the receiving account as RAM reports them now, one line each. */
async function printInvitations(emulator: RunningEmulator): Promise<InvitationView[]> {
    const invitations = (await emulator.admin.state()).invitations.filter((i) => i.receiverAccountId === RECEIVER);
    for (const invitation of invitations) {
        console.log(
            `   ${invitation.status.padEnd(9)} ${invitation.resourceShareName.padEnd(28)} ` +
                `from ${invitation.senderAccountId} in ${invitation.region}`,
        );
    }
    return invitations;
}

/** A throw-away stack of the repository's own Pulumi.yaml, run as a user runs it, with `config`, as `receiver`. */
function rootStack(
    emulator: RunningEmulator,
    receiver: SeedAccount,
    name: string,
    config: Record<string, unknown>,
): Promise<PulumiHarness> {
    return PulumiHarness.create({
        copy: rootProjectCopy(),
        stack: name,
        config: projectConfig(ROOT_PROJECT, config),
        env: clientEnvironment(emulator.endpoint, receiver),
    });
}

/** Runs `operation` and returns the RAM calls it made, printed by operation. */
async function callsOf(emulator: RunningEmulator, operation: () => Promise<unknown>): Promise<CallLogEntry[]> {
    await emulator.admin.clearCalls();
    await operation();
    const calls = await emulator.admin.calls();
    console.log(`   RAM calls: ${countByOperation(calls)}`);
    return calls;
}

function writes(calls: CallLogEntry[]): CallLogEntry[] {
    return calls.filter((c) => RAM_WRITE_OPERATIONS.includes(c.operation));
}

/** Part 1: explicit rejections, declared one by one in stack config. */
async function explicitRejections(emulator: RunningEmulator, receiver: SeedAccount): Promise<void> {
    const pending = (await emulator.admin.state()).invitations;
    const rejections = Object.fromEntries(
        pending
            .filter((invitation) => REJECTED_SHARES.includes(invitation.resourceShareName))
            .map((invitation) => [
                `decline-${invitation.resourceShareName}`,
                { invitationArn: invitation.resourceShareInvitationArn },
            ]),
    );
    step("Part 1: explicit rejections. Stack config (what a pull request edits in Pulumi.<stack>.yaml)");
    console.log("   ram-invitations:rejections:");
    for (const [name, entry] of Object.entries(rejections)) {
        console.log(`     ${name}:\n       invitationArn: ${entry.invitationArn}`);
    }
    step("Preparing the Pulumi CLI and a throw-away stack (local file backend)");
    const harness = await rootStack(emulator, receiver, "demo", { rejections });
    try {
        const expected = Object.keys(rejections).length;

        step("pulumi preview (what a reviewer sees on the pull request)");
        let preview: PreviewResult | undefined;
        const previewCalls = await callsOf(emulator, async () => {
            preview = await harness.stack.preview({ diff: true, onOutput: indented() });
        });
        expectThat(
            preview?.changeSummary.create === expected + 1,
            `preview plans ${expected} rejections (and the stack)`,
        );
        expectThat(writes(previewCalls).length === 0, "preview made no write call");

        step("pulumi up");
        let up: UpResult | undefined;
        const upCalls = await callsOf(emulator, async () => {
            up = await harness.stack.up({ onOutput: indented() });
        });
        expectThat(up?.summary.resourceChanges?.create === expected + 1, `up created ${expected} rejections`);
        const rejects = upCalls.filter((c) => c.operation === "RejectResourceShareInvitation" && c.stateChanged);
        expectThat(
            rejects.length === expected,
            `exactly ${expected} RejectResourceShareInvitation calls changed state`,
        );

        step("pulumi up again (nothing to do)");
        let again: UpResult | undefined;
        const againCalls = await callsOf(emulator, async () => {
            again = await harness.stack.up({ onOutput: indented() });
        });
        const changes = Object.keys(again?.summary.resourceChanges ?? {});
        expectThat(changes.length === 1 && changes[0] === "same", "second up reports no changes");
        expectThat(writes(againCalls).length === 0, "second up made no write call");

        step("Invitations of the receiving account, as RAM reports them now");
        const invitations = await printInvitations(emulator);
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
        const destroyCalls = await callsOf(emulator, () => harness.stack.destroy());
        expectThat(writes(destroyCalls).length === 0, "destroy made no write call");
    } finally {
        await harness.dispose();
    }
}

/** Part 2: a policy that allows one sender and rejects every other invitation, now and later. */
async function rejectionPolicy(emulator: RunningEmulator, seed: Seed, receiver: SeedAccount): Promise<void> {
    await emulator.admin.reset();
    await emulator.admin.seed(seed);
    const allowed = seed.accounts.find((a) => a.accountId === ALLOWED_SENDER)!;
    const policy = { allowedSenderAccountIds: [ALLOWED_SENDER], regions: ["us-east-1", "eu-west-1"] };
    step(`Part 2: a rejection policy, on a fresh seed. Only ${allowed.name} (${ALLOWED_SENDER}) may share with us`);
    console.log(`   ram-invitations:policy: ${JSON.stringify(policy)}`);
    const harness = await rootStack(emulator, receiver, "demo-policy", { policy });
    try {
        const unwanted = (await emulator.admin.state()).invitations.filter((i) => i.senderAccountId !== ALLOWED_SENDER);

        step("pulumi preview (the reviewer sees each invitation the policy will reject)");
        const previewCalls = await callsOf(emulator, () => harness.stack.preview({ onOutput: indented() }));
        expectThat(writes(previewCalls).length === 0, "preview made no write call");

        step("pulumi up");
        const upCalls = await callsOf(emulator, () => harness.stack.up({ onOutput: indented() }));
        expectThat(
            writes(upCalls).length === unwanted.length,
            `up rejected the ${unwanted.length} invitations from senders the policy does not allow`,
        );

        step("A new invitation arrives from a sender the policy does not allow (through the emulator's admin API)");
        const [arrived] = await emulator.admin.seedPendingInvitations({
            sender: seed.accounts.find((a) => a.accountId === LATE_SENDER)!,
            receiver,
            count: 1,
            regions: ["eu-west-1"],
            namePrefix: "late-night-share",
        });
        console.log(`   ${arrived}`);

        step("pulumi up (as the hourly schedule runs it)");
        const nextCalls = await callsOf(emulator, () => harness.stack.up({ onOutput: indented() }));
        const nextWrites = writes(nextCalls);
        expectThat(
            nextWrites.length === 1 &&
                (nextWrites[0].parameters as { resourceShareInvitationArn: string }).resourceShareInvitationArn ===
                    arrived,
            "the next up rejected the new invitation, and only it",
        );

        step("Invitations of the receiving account, as RAM reports them now");
        const invitations = await printInvitations(emulator);
        expectThat(
            invitations.every((i) => (i.senderAccountId === ALLOWED_SENDER) === (i.status === "PENDING")),
            `only ${allowed.name}'s invitation is still pending`,
        );
        await harness.stack.destroy();
    } finally {
        await harness.dispose();
    }
}

async function main(): Promise<void> {
    const seed = JSON.parse(readFileSync(SEED_FILE, "utf8")) as Seed;
    const receiver = seed.accounts.find((a) => a.accountId === RECEIVER)!;
    let emulator: RunningEmulator | undefined;
    try {
        step("Starting the local RAM endpoint");
        emulator = await startEmulator({ seed });
        const pending = (await emulator.admin.state()).invitations;
        console.log(
            `   ${emulator.endpoint}: ${seed.accounts.length} accounts, ` +
                `${pending.length} pending invitations for ${receiver.name}`,
        );
        await explicitRejections(emulator, receiver);
        await rejectionPolicy(emulator, seed, receiver);
        console.log("\nDemo succeeded.");
    } finally {
        await emulator?.stop();
    }
}

main().catch((error: unknown) => {
    const detail = error instanceof StepFailed ? error.message : error instanceof Error ? error.stack : String(error);
    console.error(`\nDemo FAILED: ${detail}`);
    process.exitCode = 1;
});
