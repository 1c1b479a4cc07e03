/**
 * The repository's own project as a user runs it: Pulumi.yaml and the root program copied as they
 * are (with the checkout's build installed under node_modules, as `npm ci` leaves it), type-checked
 * with its own tsconfig.json (root-project-type-check.test.ts holds that check to Pulumi's), with
 * each `Pulumi.<stack>.yaml` example of README.md read out of the README. Only the invitation ARNs
 * of an example are swapped for ones the emulator seeded (an invitation's id is RAM's to choose);
 * every key and every other value is the README's.
 */
import { readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { expect } from "chai";
import { RejectResourceShareInvitationCommand } from "@aws-sdk/client-ram";
import { CommandError } from "@pulumi/pulumi/automation";
import { RunningEmulator, SeedAccount } from "../../emulator";
import { PulumiHarness } from "../../scripts/pulumi-harness";
import { BYSTANDER, HUB, OTHER, RECEIVER, SENDER } from "../support/accounts";
import { endToEndSuite } from "../support/end-to-end-suite";
import { expectFailure } from "../support/expect-failure";
import { ramClientAs } from "../support/ram-client";
import {
    README_PROFILE,
    seedInvitationsNamedIn,
    stackConfigExample,
    useReadmeStackConfig,
} from "../support/readme-examples";
import { arnOf, rejectionsInState, writeCalls } from "../support/rejections-in-state";

const GITOPS = "GitOps: rejections declared in stack config";
const POLICY = "The policy in stack config";
const FLEET = "A fleet in stack config";
const REGIONS = ["eu-west-1", "us-east-1"];

describe("the repository's own project, with the README's stack config, as a user runs it", function () {
    this.timeout(20 * 60_000);
    const suite = endToEndSuite();
    let emulator: RunningEmulator;
    before(() => (emulator = suite.emulator));

    /**
     * A stack of the root project whose `Pulumi.test.yaml` holds `example` (after the encryption salt
     * the stack got when it was created), run with `credentials`, or with none but the profile of
     * the README's GitOps example, kept in the AWS config file as a user keeps it.
     */
    async function exampleStack(example: string, credentials?: SeedAccount): Promise<PulumiHarness> {
        const endpointsOnly = { AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "" };
        const harness = await suite.rootStack(undefined, credentials ? { credentials } : { env: endpointsOnly });
        await useReadmeStackConfig(harness, example, RECEIVER);
        return harness;
    }

    /** Idempotency as a user sees it: the next `up` reports every resource unchanged and writes nothing. */
    async function expectNextUpChangesNothing(harness: PulumiHarness): Promise<void> {
        await emulator.admin.clearCalls();
        const next = await harness.stack.up();
        expect(Object.keys(next.summary.resourceChanges ?? {})).to.deep.equal(["same"]);
        expect(await writeCalls(emulator)).to.deep.equal([]);
    }

    async function statuses(): Promise<Record<string, string>> {
        const { invitations } = await emulator.admin.state();
        return Object.fromEntries(invitations.map((i) => [i.resourceShareInvitationArn, i.status]));
    }

    async function seedPending(sender: SeedAccount, receiver: SeedAccount, count: number, prefix: string) {
        return emulator.admin.seedPendingInvitations({ sender, receiver, count, regions: REGIONS, namePrefix: prefix });
    }

    /** The provider text in state: a one-line `require` of the installed package, never the implementation. */
    async function expectProviderByReference(harness: PulumiHarness): Promise<void> {
        const state = await rejectionsInState(harness);
        expect(state.length).to.be.greaterThan(0);
        for (const resource of state) {
            const provider = String(resource.inputs?.__provider);
            expect(provider).to.contain('require("pulumi-ram-invitations/bin/provider/serializable-provider.js")');
            expect(provider.length, "bytes of the provider text").to.be.below(1_000);
        }
    }

    /**
     * The stack trace Pulumi keeps in every rejection's state entry (and rewrites after every step)
     * holds where the library declared it, and none of the awaiting callers V8 appends after an
     * `await` (Pulumi's own runtime): the library declares each from a turn of its own.
     */
    async function expectShortStackTraces(harness: PulumiHarness): Promise<void> {
        const state = await rejectionsInState(harness);
        expect(state.length).to.be.greaterThan(0);
        for (const resource of state) {
            const frames = (resource.stackTrace ?? []).map((frame) => frame.sourcePosition ?? "");
            expect(resource.sourcePosition, resource.urn).to.match(/dynamic\/invitation-rejection\.ts#\d+,\d+$/);
            expect(frames[0], resource.urn).to.equal(resource.sourcePosition);
            expect(
                frames.filter((frame) => frame.includes("@pulumi")),
                resource.urn,
            ).to.deep.equal([]);
            expect(
                frames.filter((frame) => frame.includes("declare-in-turn.ts")),
                resource.urn,
            ).to.have.length(1);
        }
    }

    it("README GitOps: only rejections, through the example's AWS profile", async () => {
        await emulator.admin.seed({ accounts: [SENDER, RECEIVER, BYSTANDER] });
        const [example, arns] = await seedInvitationsNamedIn(emulator, stackConfigExample(GITOPS), RECEIVER);
        expect(example).to.contain(`aws:profile: ${README_PROFILE}`);
        expect(arns).to.have.length(2);
        await emulator.admin.clearCalls();
        const harness = await exampleStack(example);

        const preview = await harness.stack.preview({ diff: true });
        expect(preview.changeSummary).to.deep.equal({ create: 3 }); // the stack and two rejections
        expect(await writeCalls(emulator)).to.deep.equal([]);

        await harness.stack.up();
        const writes = await writeCalls(emulator);
        expect(writes.map(arnOf).sort()).to.deep.equal([...arns].sort());
        expect(writes.map((c) => c.accountId)).to.deep.equal([RECEIVER.accountId, RECEIVER.accountId]);
        await expectProviderByReference(harness);
        await expectShortStackTraces(harness);

        await expectNextUpChangesNothing(harness);
    });

    it("README policy: no write for out-of-band rejections; report keeps them; enforce adds the new", async () => {
        const allowed = await seedPending(SENDER, RECEIVER, 2, "allowed");
        const unwanted = await seedPending(OTHER, RECEIVER, 4, "unwanted");
        const [rejectedElsewhere] = await seedPending(OTHER, RECEIVER, 1, "rejected-elsewhere");
        await ramClientAs(emulator.endpoint, RECEIVER, rejectedElsewhere.split(":")[3]).send(
            new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: rejectedElsewhere }),
        );
        await emulator.admin.clearCalls();
        const harness = await exampleStack(stackConfigExample(POLICY), RECEIVER);

        // First run over an account with history: one write per pending unwanted invitation, none
        // for the one rejected out of band, which the policy keeps declared.
        const first = await harness.stack.up();
        expect((await writeCalls(emulator)).map(arnOf).sort()).to.deep.equal([...unwanted].sort());
        expect(first.summary.resourceChanges).to.deep.equal({ create: 2 + unwanted.length + 1 });
        expect((await rejectionsInState(harness)).map((r) => r.id).sort()).to.deep.equal(
            [...unwanted, rejectedElsewhere].sort(),
        );

        // Report mode keeps every earlier rejection declared and declares nothing new.
        const [arrived] = await seedPending(OTHER, RECEIVER, 1, "arrived");
        await emulator.admin.clearCalls();
        await harness.stack.setConfig("ram-invitations:policy.mode", { value: "report" }, true);
        const reportPreview = await harness.stack.preview();
        expect(reportPreview.changeSummary).to.deep.equal({ same: 2 + unwanted.length + 1 });
        expect(reportPreview.stdout).to.contain(`would reject (report mode) ${arrived}`);
        const report = await harness.stack.up();
        expect(Object.keys(report.summary.resourceChanges ?? {})).to.deep.equal(["same"]);
        expect(await writeCalls(emulator)).to.deep.equal([]);
        expect((await statuses())[arrived]).to.equal("PENDING");

        // Back to enforce: exactly the invitation that arrived meanwhile.
        await harness.stack.setConfig("ram-invitations:policy.mode", { value: "enforce" }, true);
        const enforce = await harness.stack.up();
        expect(enforce.summary.resourceChanges).to.deep.equal({ create: 1, same: 2 + unwanted.length + 1 });
        expect((await writeCalls(emulator)).map(arnOf)).to.deep.equal([arrived]);
        const now = await statuses();
        expect(allowed.map((arn) => now[arn])).to.deep.equal(["PENDING", "PENDING"]);
    });

    it("README policy: the guard's refusal is one error on the policy, without a stack trace", async () => {
        const unwanted = await seedPending(OTHER, RECEIVER, 3, "unwanted");
        await emulator.admin.clearCalls();
        const harness = await exampleStack(stackConfigExample(POLICY), RECEIVER);
        await harness.stack.setConfig("ram-invitations:policy.maxRejectionsPerRun", { value: "2" }, true);

        for (const run of [() => harness.stack.preview(), () => harness.stack.up({ continueOnError: true })]) {
            const error = await expectFailure(run(), CommandError);
            const output = error.message;
            const refusal = `InvitationPolicy "ram-invitations-policy" would reject ${unwanted.length} pending`;
            const diagnostics = output.slice(output.indexOf("Diagnostics:")).split(/\n(Outputs|Resources):/)[0];
            expect(diagnostics.split("error:"), "one error in the diagnostics").to.have.length(2);
            expect(diagnostics.split(refusal), "the refusal, once").to.have.length(2);
            // On the policy's own line of the diagnostics, not on the stack; no internal wording.
            expect(output).to.match(/ram-invitations:policy:InvitationPolicy \(ram-invitations-policy\):\s+error: /);
            expect(output).not.to.contain("serializing");
            expect(output).not.to.match(/^\s+at /m);
            expect(await writeCalls(emulator)).to.deep.equal([]);
        }
    });

    it("account ids set with pulumi config set --path: 12 digits taken, a lost leading zero explained", async () => {
        await seedPending(BYSTANDER, RECEIVER, 1, "to-be-allowed");
        const unwanted = await seedPending(OTHER, RECEIVER, 1, "unwanted");
        const harness = await exampleStack(stackConfigExample(POLICY), RECEIVER);
        // As YAML reads an unquoted id, the CLI stores the id as a number.
        await harness.stack.setConfig(
            "ram-invitations:policy.allowedSenderAccountIds[2]",
            { value: BYSTANDER.accountId },
            true,
        );
        const file = path.join(harness.stack.workspace.workDir, "Pulumi.test.yaml");
        const stackFile = await readFile(file, "utf8");
        expect(stackFile).to.contain(`"222222222222", ${BYSTANDER.accountId}]`); // a number, unquoted

        const preview = await harness.stack.preview({ diff: true });
        expect(preview.changeSummary).to.deep.equal({ create: 2 + unwanted.length });
        expect(preview.stdout).to.contain(unwanted[0]);

        // An id with a leading zero, written unquoted in the stack file: YAML reads a number.
        await writeFile(file, (await readFile(file, "utf8")).replace('"222222222222"', "012345678901"));
        const error = await expectFailure(harness.stack.preview(), CommandError);
        expect(error.message).to.contain(
            "ram-invitations:policy.allowedSenderAccountIds[1] was read as the number 12345678901, which has fewer " +
                "than 12 digits: the id's leading zero was lost",
        );
        expect(error.message).to.contain("pulumi config set --type string --path");
    });

    it("README fleet: only accounts, through their roles", async () => {
        await emulator.admin.seed({
            accounts: [HUB, SENDER, RECEIVER, OTHER, BYSTANDER],
            roles: [
                {
                    roleArn: `arn:aws:iam::${RECEIVER.accountId}:role/ram-invitations`,
                    trustedPrincipals: [HUB.accountId],
                },
                { roleArn: `arn:aws:iam::${OTHER.accountId}:role/ram-invitations`, trustedPrincipals: [HUB.accountId] },
            ],
        });
        const [example, [explicit]] = await seedInvitationsNamedIn(emulator, stackConfigExample(FLEET), RECEIVER);
        const allowed = await seedPending(SENDER, OTHER, 1, "allowed");
        const unwanted = await seedPending(BYSTANDER, OTHER, 2, "unwanted");
        await emulator.admin.clearCalls();
        const harness = await exampleStack(example, HUB);

        await harness.stack.up();
        const writes = await writeCalls(emulator);
        expect(writes.map((c) => [arnOf(c), c.accountId]).sort()).to.deep.equal(
            [[explicit, RECEIVER.accountId], ...unwanted.map((arn) => [arn, OTHER.accountId])].sort(),
        );
        expect((await statuses())[allowed[0]]).to.equal("PENDING");
        const names = (await rejectionsInState(harness)).map((r) => r.urn.split("::").pop());
        expect(names).to.include("platform-prod-decline-analytics");

        await expectNextUpChangesNothing(harness);
    });

    it("the three README examples in one stack", async () => {
        const roles = [RECEIVER, OTHER].map((account) => ({
            roleArn: `arn:aws:iam::${account.accountId}:role/ram-invitations`,
            trustedPrincipals: [RECEIVER.accountId],
        }));
        await emulator.admin.seed({ accounts: [SENDER, RECEIVER, OTHER, BYSTANDER], roles });
        const bodies = [GITOPS, POLICY, FLEET].map((heading) =>
            stackConfigExample(heading).replace(/^(#.*\n)*config:\n/, ""),
        );
        const [example, explicit] = await seedInvitationsNamedIn(emulator, `config:\n${bodies.join("")}`, RECEIVER);
        const unwantedHere = await seedPending(OTHER, RECEIVER, 2, "unwanted-here");
        const unwantedThere = await seedPending(BYSTANDER, OTHER, 2, "unwanted-there");
        const allowedHere = await seedPending(SENDER, RECEIVER, 1, "allowed-here");
        await emulator.admin.clearCalls();
        const harness = await exampleStack(example);

        await harness.stack.up();
        const now = await statuses();
        for (const arn of [...explicit, ...unwantedHere, ...unwantedThere]) {
            expect(now[arn], arn).to.equal("REJECTED");
        }
        expect(now[allowedHere[0]]).to.equal("PENDING");
        await expectProviderByReference(harness);
        await expectShortStackTraces(harness); // explicit, policy and fleet rejections alike

        await expectNextUpChangesNothing(harness);
    });

    // Not an error: a stack whose last entry was removed must apply cleanly. The program says so.
    it("no config at all: an empty stack, and a message that there is nothing to do", async () => {
        const harness = await suite.rootStack(undefined, { credentials: RECEIVER });
        const preview = await harness.stack.preview();
        expect(preview.stdout).to.contain("The stack config declares nothing");
        expect(preview.changeSummary).to.deep.equal({ create: 1 }); // the stack
        const up = await harness.stack.up();
        expect(up.summary.result).to.equal("succeeded");
        expect(await emulator.admin.calls()).to.deep.equal([]);
    });
});
