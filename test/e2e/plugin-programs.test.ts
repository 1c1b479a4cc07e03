/**
 * The provider plugin from programs in other languages than the dynamic resource's, each an example
 * as written (only its config set), on the real CLI against the emulator: examples/yaml on the YAML
 * language host built from pulumi-yaml, examples/typescript-sdk, examples/python and examples/go
 * through the generated TypeScript, Python and Go SDKs (Python and Go on our small hosts). The plugin is
 * the checkout's build as `npm install` puts it (node_modules/.bin), which the harness puts on PATH,
 * where the engine finds it (the examples name no `plugins:` folder). test/e2e/release.test.ts runs
 * them from the released artifacts instead; plugin-policy-programs.test.ts runs the policy examples.
 * examples/go-policy is the Go SDK's InvitationPolicy with organization targets.
 */
import { appendFile, readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { RejectResourceShareInvitationCommand } from "@aws-sdk/client-ram";
import { expect } from "chai";
import { clientEnvironment, RunningEmulator, SeedAccount } from "../../emulator";
import { installCheckout } from "../../scripts/install-checkout";
import { installPythonSdk } from "../../scripts/install-python-sdk";
import { installTypeScriptSdk } from "../../scripts/install-sdk";
import { GO_MODULE } from "../../provider/schema/package-schema";
import { PulumiHarness } from "../../scripts/pulumi-harness";
import { HUB, OTHER, RECEIVER, SENDER } from "../support/accounts";
import { endToEndSuite } from "../support/end-to-end-suite";
import { ramClientAs } from "../support/ram-client";
import { ALLOWED_OU, inviteFrom, seedOrganization, SENDERS } from "../support/organization";
import { arnOf, writeCalls } from "../support/rejections-in-state";
import { expectRejectsOnce } from "../support/expect-rejects-once";

const REPO = path.resolve(__dirname, "..", "..");
const MODULES = path.join(REPO, "node_modules");
const EXAMPLE = path.join(REPO, "examples", "yaml");
const PROJECT = "ram-invitations-yaml";
const REJECTION_TYPE = "ram-invitations:index:InvitationRejection";

describe("the provider plugin from a Pulumi YAML program (examples/yaml)", function () {
    this.timeout(10 * 60_000);
    const suite = endToEndSuite();
    let emulator: RunningEmulator;
    before(() => (emulator = suite.emulator));

    async function yamlStack(invitationArn: string, caller: SeedAccount = RECEIVER): Promise<PulumiHarness> {
        installCheckout();
        return suite.stack({
            copy: { root: EXAMPLE, paths: ["Pulumi.yaml"], links: { node_modules: MODULES } },
            config: { [`${PROJECT}:invitationArn`]: { value: invitationArn } },
            env: clientEnvironment(emulator.endpoint, caller),
        });
    }

    function twoPendingFrom(sender: SeedAccount): Promise<string[]> {
        return emulator.admin.seedPendingInvitations({ sender, receiver: RECEIVER, count: 2, regions: ["us-east-1"] });
    }

    it("previews sender and share name, rejects once, and a second up changes nothing", async () => {
        await expectRejectsOnce(emulator, yamlStack, { stillPending: true });
    });

    it("pulumi import adopts a rejected invitation with no write, and the printed code runs clean", async () => {
        const [declared, rejectedElsewhere] = await twoPendingFrom(OTHER);
        const harness = await yamlStack(declared);
        await harness.stack.up();
        await harness.stack.setConfig(`${PROJECT}:invitationArn`, { value: rejectedElsewhere });
        await harness.stack.up(); // rejects the second one: a rejection that some other stack made
        await harness.stack.setConfig(`${PROJECT}:invitationArn`, { value: declared });
        await harness.stack.up();
        await emulator.admin.clearCalls();

        const code = await importRunsClean(harness, rejectedElsewhere);
        // YAML's code generator writes the short form of the type token.
        expect(code).to.include("type: ram-invitations:InvitationRejection");
        expect(code).to.include(`invitationArn: ${rejectedElsewhere}`);
    });

    it("pulumi import through a role (<invitationArn>,<roleArn>) adopts another account's rejection", async () => {
        const role = `arn:aws:iam::${RECEIVER.accountId}:role/ram-invitations`;
        await emulator.admin.seed({
            accounts: [HUB, RECEIVER],
            roles: [{ roleArn: role, trustedPrincipals: [HUB.accountId] }],
        });
        const regions = ["us-east-1"];
        const [declared] = await emulator.admin.seedPendingInvitations({
            sender: OTHER,
            receiver: HUB,
            count: 1,
            regions,
        });
        const [theirs] = await emulator.admin.seedPendingInvitations({
            sender: OTHER,
            receiver: RECEIVER,
            count: 1,
            regions,
        });
        await ramClientAs(emulator.endpoint, RECEIVER, "us-east-1").send(
            new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: theirs }),
        );
        const harness = await yamlStack(declared, HUB);
        await harness.stack.up();
        await emulator.admin.clearCalls();

        const code = await importRunsClean(harness, `${theirs},${role}`);
        expect(code).to.include(`invitationArn: ${theirs}`);
        expect(code).to.include(`roleArn: ${role}`);
    });

    /**
     * `pulumi import` of `importId` as "adopted": no write, and the code it prints, added to the
     * program, makes the next `up` change nothing. Answers that code.
     */
    async function importRunsClean(harness: PulumiHarness, importId: string): Promise<string> {
        const out = path.join(harness.stack.workspace.workDir, "imported.yaml");
        const imported = await harness.runPulumi([
            "import",
            REJECTION_TYPE,
            "adopted",
            importId,
            "--yes",
            "--out",
            out,
        ]);
        expect(imported.output).to.match(/1 imported/);
        expect(imported.code, imported.output).to.equal(0);
        expect(await writeCalls(emulator)).to.deep.equal([]);
        const code = await readFile(out, "utf8");
        const program = path.join(harness.stack.workspace.workDir, "Pulumi.yaml");
        // The summary counts every resource but the providers.
        const resources = (await harness.stack.exportStack()).deployment.resources as { type: string }[];
        const before = resources.filter((r) => !r.type.startsWith("pulumi:providers:")).length;
        await writeFile(program, withResources(await readFile(program, "utf8"), code));
        const after = await harness.stack.up();
        expect(after.summary.resourceChanges).to.deep.equal({ same: before });
        expect(await writeCalls(emulator)).to.deep.equal([]);
        return code;
    }

    it("pulumi import of a pending invitation fails and says to declare it instead", async () => {
        const [declared, pending] = await twoPendingFrom(SENDER);
        const harness = await yamlStack(declared);
        await harness.stack.up();
        await emulator.admin.clearCalls();

        const imported = await harness.runPulumi(["import", REJECTION_TYPE, "adopted", pending, "--yes"]);
        expect(imported.code).to.not.equal(0);
        expect(imported.output).to.include(
            `Cannot import ${pending}: it is PENDING, so there is no rejection to import`,
        );
        expect(imported.output).to.include("Declare an InvitationRejection for it instead");
        expect(imported.output).not.to.match(/\s+at \S+ \(/); // no stack trace
        expect(await writeCalls(emulator)).to.deep.equal([]);
    });
});

describe("the provider plugin through its generated TypeScript SDK (examples/typescript-sdk)", function () {
    this.timeout(10 * 60_000);
    const suite = endToEndSuite();
    const example = path.join(REPO, "examples", "typescript-sdk");

    it("previews sender and share name, rejects once, and a second up changes nothing", async () => {
        await expectRejectsOnce(suite.emulator, async (invitationArn) => {
            installCheckout();
            installTypeScriptSdk();
            return suite.stack({
                copy: {
                    root: example,
                    paths: ["Pulumi.yaml", "index.ts", "tsconfig.json"],
                    links: { node_modules: MODULES },
                },
                config: { "ram-invitations-typescript-sdk:invitationArn": { value: invitationArn } },
                env: clientEnvironment(suite.emulator.endpoint, RECEIVER),
            });
        });
    });
});

describe("the provider plugin through its generated Python SDK (examples/python)", function () {
    this.timeout(10 * 60_000);
    const suite = endToEndSuite();
    const example = path.join(REPO, "examples", "python");

    it("previews sender and share name, rejects once, and a second up changes nothing", async () => {
        await expectRejectsOnce(suite.emulator, async (invitationArn) => {
            installCheckout();
            // The example's virtualenv (`venv`): pulumi and the generated SDK, installed from PyPI and sdk/python.
            const venv = installPythonSdk();
            return suite.stack({
                copy: {
                    root: example,
                    paths: ["Pulumi.yaml", "__main__.py", "requirements.txt"],
                    links: { node_modules: MODULES, venv },
                },
                config: { "ram-invitations-python:invitationArn": { value: invitationArn } },
                env: clientEnvironment(suite.emulator.endpoint, RECEIVER),
            });
        });
    });
});

describe("the provider plugin through its generated Go SDK (examples/go, examples/go-policy)", function () {
    this.timeout(10 * 60_000);
    const suite = endToEndSuite();

    /** The Go example in `folder` with `config` (under its project's name, `ram-invitations-<folder>`). */
    async function goStack(folder: string, config: Record<string, string>): Promise<PulumiHarness> {
        installCheckout();
        const harness = await suite.stack({
            copy: {
                root: path.join(REPO, "examples", folder),
                paths: ["Pulumi.yaml", "main.go", "go.mod", "go.sum"],
                links: { node_modules: MODULES },
            },
            config: Object.fromEntries(
                Object.entries(config).map(([key, value]) => [`ram-invitations-${folder}:${key}`, { value }]),
            ),
            env: clientEnvironment(suite.emulator.endpoint, RECEIVER),
        });
        // The checkout's sdk/ stands in for the released module the example requires (the release
        // test, test/e2e/release.test.ts, installs that one through a module proxy).
        const goMod = path.join(harness.stack.workspace.workDir, "go.mod");
        await appendFile(goMod, `\nreplace ${GO_MODULE} => ${path.join(REPO, "sdk")}\n`);
        return harness;
    }

    it("previews sender and share name, rejects once, and a second up changes nothing", async () => {
        await expectRejectsOnce(suite.emulator, (invitationArn) => goStack("go", { invitationArn }));
    });

    it("a policy's organization targets: an OU account's invitation left pending, an outsider's rejected", async () => {
        const { emulator } = suite;
        // RECEIVER, whose credentials the provider has, is a delegated administrator of the organization.
        await seedOrganization(emulator);
        const allowed = await inviteFrom(emulator, SENDERS.inNestedOu, "us-east-1");
        const unwanted = await inviteFrom(emulator, SENDERS.outsider, "us-east-1");
        await emulator.admin.clearCalls();
        const harness = await goStack("go-policy", {
            allowedOrganizationTargets: JSON.stringify([ALLOWED_OU]),
            regions: JSON.stringify(["us-east-1"]),
        });

        const up = await harness.stack.up();
        expect((await writeCalls(emulator)).map(arnOf)).to.deep.equal([unwanted]);
        const summary = up.outputs.summary.value as Record<string, unknown>;
        expect(summary).to.deep.include({ pendingAllowed: 1, rejectedNow: 1 });
        expect(summary.organizationTargets).to.deep.equal({ [ALLOWED_OU]: 2 });
        expect(summary.allowedBy).to.deep.equal({ [SENDERS.inNestedOu.accountId]: ALLOWED_OU });
        const { invitations } = await emulator.admin.state();
        expect(invitations.find((i) => i.resourceShareInvitationArn === allowed)?.status).to.equal("PENDING");
    });
});

/** The program with the resources of `generated` (what `pulumi import` printed) added to its own. */
function withResources(program: string, generated: string): string {
    const declarations = generated.slice(generated.indexOf("resources:") + "resources:".length);
    return program.replace(/^resources:\n/m, `resources:${declarations.replace(/\n*$/, "\n")}`);
}
