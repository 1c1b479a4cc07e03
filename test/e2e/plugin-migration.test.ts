/**
 * Moving a stack from the dynamic resource to the plugin's, as README.md shows it (both programs read
 * out of it): the real CLI and engine decide what an alias across providers does; the test holds
 * that RAM sees no second rejection and the token stays the one RAM has seen.
 */
import { mkdtemp, rm, symlink, writeFile, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { clientEnvironment } from "../../emulator";
import { installCheckout } from "../../scripts/install-checkout";
import { installTypeScriptSdk } from "../../scripts/install-sdk";
import { RECEIVER } from "../support/accounts";
import { endToEndSuite } from "../support/end-to-end-suite";
import { codeBlocksUnder, seedInvitationsNamedIn } from "../support/readme-examples";
import { StateResource, writeCalls } from "../support/rejections-in-state";
import type { PulumiHarness } from "../../scripts/pulumi-harness";

const REPO = path.resolve(__dirname, "..", "..");

/** The stack's one rejection, dynamic or the plugin's. */
type Rejection = StateResource & { provider?: string; outputs: Record<string, unknown> };
async function rejectionIn(harness: PulumiHarness): Promise<Rejection> {
    const { deployment } = await harness.stack.exportStack();
    return (deployment.resources as Rejection[]).find((r) => r.type.endsWith("InvitationRejection")) as Rejection;
}

const SEPARATOR = "\n// --- the program after the move ---\n";

describe("moving a stack from the dynamic resource to the plugin (README)", function () {
    this.timeout(10 * 60_000);
    const suite = endToEndSuite();
    const folders: string[] = [];
    after(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

    it("the aliased plugin resource takes over: no RAM call, the same token", async () => {
        await suite.emulator.admin.seed({
            accounts: [RECEIVER, { accountId: "111122223333", accessKeyId: "AKIDREADMEMIGRATION1" }],
        });
        const [before, after] = codeBlocksUnder("Moving a stack from the dynamic resource to the plugin", "ts");
        const [programs] = await seedInvitationsNamedIn(suite.emulator, before + SEPARATOR + after, RECEIVER);
        const [beforeProgram, afterProgram] = programs.split(SEPARATOR);
        installCheckout();
        installTypeScriptSdk();
        const folder = await mkdtemp(path.join(tmpdir(), "migration-"));
        folders.push(folder);
        await writeFile(
            path.join(folder, "Pulumi.yaml"),
            "name: migration\nruntime: nodejs\nplugins:\n  providers:\n    - name: ram-invitations\n" +
                "      path: ./node_modules/.bin\n",
        );
        await writeFile(path.join(folder, "index.ts"), beforeProgram);
        await copyFile(
            path.join(REPO, "examples", "stack-config", "tsconfig.json"),
            path.join(folder, "tsconfig.json"),
        );
        await symlink(path.join(REPO, "node_modules"), path.join(folder, "node_modules"));
        const harness = await suite.stack({
            copy: { root: folder, paths: ["Pulumi.yaml", "index.ts", "tsconfig.json"] },
            typeCheckEveryRun: true, // the program is replaced between runs
            env: clientEnvironment(suite.emulator.endpoint, RECEIVER),
        });
        await harness.stack.up();
        const rejectedBefore = await rejectionIn(harness);
        expect(rejectedBefore.type).to.equal("pulumi-nodejs:dynamic/ram:InvitationRejection");
        await suite.emulator.admin.clearCalls();

        await writeFile(path.join(harness.stack.workspace.workDir, "index.ts"), afterProgram);
        // What the engine makes of the alias across providers: the new provider (the plugin) checks
        // the new inputs against the old ones (the same invitation: it keeps the token RAM has seen)
        // and diffs them against the old state (no change). So the preview shows nothing to do.
        const preview = await harness.stack.preview({ diff: true });
        expect(preview.changeSummary).to.deep.equal({ same: 2 });
        expect(preview.stdout).not.to.include("decline-vendor-share");
        await harness.stack.up();
        expect(await writeCalls(suite.emulator)).to.deep.equal([]);

        const moved = await rejectionIn(harness);
        expect(moved.type).to.equal("ram-invitations:index:InvitationRejection");
        expect(moved.provider).to.match(/::pulumi:providers:ram-invitations::default_/);
        expect(moved.outputs.clientToken).to.equal(rejectedBefore.outputs.clientToken);
        expect(moved.inputs).not.to.have.property("__provider");
        // An unchanged resource keeps its outputs, so the old provider's code leaves them on the next refresh.
        await harness.stack.refresh();
        const refreshed = await rejectionIn(harness);
        expect(refreshed.outputs).not.to.have.property("__provider");
        expect(refreshed.outputs.status).to.equal("REJECTED");
        expect(await writeCalls(suite.emulator)).to.deep.equal([]);
    });
});
