/**
 * `declareFromStackConfig()` in a user's own project, as README.md's "In a project of your own"
 * shows it: a project named other than this package (so its own namespace is not `ram-invitations`),
 * in a folder outside the checkout, whose index.ts is the README's program, importing
 * "pulumi-ram-invitations" installed as `npm ci` installs it, type-checked by Pulumi, with the
 * README's `Pulumi.<stack>.yaml` examples, on the real CLI against the emulator. Only invitation
 * ARNs are swapped for ones the emulator seeded.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { CommandError } from "@pulumi/pulumi/automation";
import { clientEnvironment, RunningEmulator } from "../../emulator";
import { installCheckout } from "../../scripts/install-checkout";
import { PulumiHarness } from "../../scripts/pulumi-harness";
import { BYSTANDER, OTHER, RECEIVER, SENDER } from "../support/accounts";
import { endToEndSuite } from "../support/end-to-end-suite";
import { expectFailure } from "../support/expect-failure";
import {
    codeBlocksUnder,
    seedInvitationsNamedIn,
    stackConfigExample,
    useReadmeStackConfig,
} from "../support/readme-examples";
import { rejectionsInState, writeCalls } from "../support/rejections-in-state";

const REPO = path.resolve(__dirname, "..", "..");
const PROJECT = "platform-ram";

describe("declareFromStackConfig() in a user's own project, with the README's stack config", function () {
    this.timeout(15 * 60_000);
    const suite = endToEndSuite();
    let emulator: RunningEmulator;
    const folders: string[] = [];
    before(() => (emulator = suite.emulator));
    after(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

    /**
     * A stack of the project `platform-ram`, whose index.ts is the README's program, whose
     * `Pulumi.test.yaml` holds `example`, and which reaches AWS through the GitOps example's profile,
     * kept in the AWS config file as a user keeps it.
     */
    async function ownProjectStack(example: string): Promise<PulumiHarness> {
        installCheckout();
        const folder = await mkdtemp(path.join(tmpdir(), "own-project-"));
        folders.push(folder);
        const [program] = codeBlocksUnder("In a project of your own", "ts");
        await writeFile(path.join(folder, "Pulumi.yaml"), `name: ${PROJECT}\nruntime: nodejs\n`);
        // What `npm install pulumi-ram-invitations @pulumi/pulumi` writes; node_modules is linked below.
        const dependencies = { "pulumi-ram-invitations": "*", "@pulumi/pulumi": "^3" };
        await writeFile(path.join(folder, "package.json"), JSON.stringify({ name: PROJECT, dependencies }, null, 2));
        await writeFile(path.join(folder, "index.ts"), program);
        await copyFile(
            path.join(REPO, "examples", "stack-config", "tsconfig.json"),
            path.join(folder, "tsconfig.json"),
        );
        const harness = await suite.stack({
            copy: {
                root: folder,
                paths: ["Pulumi.yaml", "package.json", "index.ts", "tsconfig.json"],
                links: { node_modules: path.join(REPO, "node_modules") },
            },
            // The endpoints, and no credentials but the profile's.
            env: {
                ...clientEnvironment(emulator.endpoint, RECEIVER),
                AWS_ACCESS_KEY_ID: "",
                AWS_SECRET_ACCESS_KEY: "",
            },
        });
        await useReadmeStackConfig(harness, example, RECEIVER);
        return harness;
    }

    async function statuses(): Promise<Record<string, string>> {
        const { invitations } = await emulator.admin.state();
        return Object.fromEntries(invitations.map((i) => [i.resourceShareInvitationArn, i.status]));
    }

    /** The README's GitOps and policy examples in one stack file (one `config:`). */
    function gitOpsAndPolicy(): string {
        const bodies = ["GitOps: rejections declared in stack config", "The policy in stack config"].map((heading) =>
            stackConfigExample(heading).replace(/^(#.*\n)*config:\n/, ""),
        );
        return `config:\n${bodies.join("")}`;
    }

    it("reads the ram-invitations:* keys the README shows: rejections and policy, under their names", async () => {
        await emulator.admin.seed({ accounts: [SENDER, RECEIVER, OTHER, BYSTANDER] });
        const [example, explicit] = await seedInvitationsNamedIn(emulator, gitOpsAndPolicy(), RECEIVER);
        expect(example).to.contain("ram-invitations:rejections:").and.to.contain("ram-invitations:policy:");
        const unwanted = await emulator.admin.seedPendingInvitations({
            sender: OTHER,
            receiver: RECEIVER,
            count: 2,
            regions: ["us-east-1", "eu-west-1"],
            namePrefix: "unwanted",
        });
        const [allowed] = await emulator.admin.seedPendingInvitations({
            sender: SENDER,
            receiver: RECEIVER,
            count: 1,
            regions: ["us-east-1"],
            namePrefix: "allowed",
        });
        await emulator.admin.clearCalls();
        const harness = await ownProjectStack(example);

        const up = await harness.stack.up();

        const now = await statuses();
        for (const arn of [...explicit, ...unwanted]) {
            expect(now[arn], arn).to.equal("REJECTED");
        }
        expect(now[allowed]).to.equal("PENDING");
        expect(up.outputs.rejected.value).to.deep.equal([
            "decline-analytics-shared-subnets",
            "decline-backup-vault-access",
        ]);
        // The policy lists before the explicit rejections are declared: it sees SENDER's two pending
        // invitations (one of them explicitly rejected), and rejects OTHER's two and BYSTANDER's one.
        expect(up.outputs.policy.value).to.deep.include({ pendingAllowed: 2, rejectedNow: 3 });
        expect(up.outputs.policy.value).not.to.have.property("refused");
        const urns = (await rejectionsInState(harness)).map((r) => r.urn);
        expect(urns).to.include(
            `urn:pulumi:test::${PROJECT}::pulumi-nodejs:dynamic/ram:InvitationRejection::decline-backup-vault-access`,
        );
        expect(urns.some((urn) => urn.includes("InvitationPolicy$") && urn.includes("::ram-invitations-policy-"))).to.be
            .true;
    });

    it("a typo'd key fails preview and up naming it, before anything is declared or deleted", async () => {
        await emulator.admin.seed({ accounts: [SENDER, RECEIVER, OTHER, BYSTANDER] });
        const gitOps = stackConfigExample("GitOps: rejections declared in stack config");
        const [example, explicit] = await seedInvitationsNamedIn(emulator, gitOps, RECEIVER);
        const harness = await ownProjectStack(example);
        await harness.stack.up();
        const before = await rejectionsInState(harness);
        expect(before.map((r) => r.id).sort()).to.deep.equal([...explicit].sort());

        const file = path.join(harness.stack.workspace.workDir, "Pulumi.test.yaml");
        const typo = (await readFile(file, "utf8")).replace(
            "ram-invitations:rejections:",
            "ram-invitations:rejection:",
        );
        await writeFile(file, typo);
        await emulator.admin.clearCalls();

        for (const run of [() => harness.stack.preview(), () => harness.stack.up()]) {
            const { message } = await expectFailure(run(), CommandError);
            expect(message).to.contain(
                "ram-invitations:rejection is not a key that declareFromStackConfig() or the provider reads; the " +
                    "keys of ram-invitations: are rejections, policy, accounts and the provider's region, profile, " +
                    "endpoints, roleArn, externalId, roleSessionName, allowedAccountIds",
            );
            expect(message).not.to.match(/delet/); // no step, planned or made
        }
        expect(await emulator.admin.calls()).to.deep.equal([]);
        expect(await writeCalls(emulator)).to.deep.equal([]);
        expect((await rejectionsInState(harness)).map((r) => r.urn)).to.deep.equal(before.map((r) => r.urn));
    });
});
