/**
 * The TypeScript programs of README.md, read out of it and run as a user's project runs them: an
 * index.ts importing "pulumi-ram-invitations" (the checkout's build, installed as `npm ci` installs
 * it), type-checked by Pulumi, on the real CLI against the emulator. Only invitation ARNs are
 * swapped for ones the emulator seeded.
 */
import { copyFile, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { clientEnvironment, RunningEmulator, SeedAccount } from "../../emulator";
import { installCheckout } from "../../scripts/install-checkout";
import { PulumiHarness } from "../../scripts/pulumi-harness";
import { HUB, OTHER, RECEIVER, SENDER } from "../support/accounts";
import { endToEndSuite } from "../support/end-to-end-suite";
import { codeBlocksUnder, seedInvitationsNamedIn } from "../support/readme-examples";
import { arnOf, writeCalls } from "../support/rejections-in-state";

const REPO = path.resolve(__dirname, "..", "..");

describe("the README's TypeScript programs, as a user's project runs them", function () {
    this.timeout(10 * 60_000);
    const suite = endToEndSuite();
    let emulator: RunningEmulator;
    const folders: string[] = [];
    before(() => (emulator = suite.emulator));
    after(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

    /** A project of its own whose index.ts is `program`, run as `caller`. */
    async function programStack(program: string, caller: SeedAccount): Promise<PulumiHarness> {
        installCheckout();
        const folder = await mkdtemp(path.join(tmpdir(), "readme-program-"));
        folders.push(folder);
        await writeFile(path.join(folder, "Pulumi.yaml"), "name: readme-program\nruntime: nodejs\n");
        await writeFile(path.join(folder, "index.ts"), program);
        await copyFile(
            path.join(REPO, "examples", "stack-config", "tsconfig.json"),
            path.join(folder, "tsconfig.json"),
        );
        await symlink(path.join(REPO, "node_modules"), path.join(folder, "node_modules"));
        return suite.stack({
            copy: { root: folder, paths: ["Pulumi.yaml", "index.ts", "tsconfig.json"] },
            env: clientEnvironment(emulator.endpoint, caller),
        });
    }

    async function pending(sender: SeedAccount, receiver: SeedAccount, regions: string[]): Promise<string[]> {
        return emulator.admin.seedPendingInvitations({ sender, receiver, count: regions.length, regions });
    }

    it("A minimal program: rejects its invitation, status REJECTED", async () => {
        const [block] = codeBlocksUnder("A minimal program", "ts");
        await emulator.admin.seed({
            accounts: [RECEIVER, { accountId: "111122223333", accessKeyId: "AKIDREADME00000001" }],
        });
        const [program, [arn]] = await seedInvitationsNamedIn(emulator, block, RECEIVER);
        await emulator.admin.clearCalls();
        const harness = await programStack(program, RECEIVER);

        const up = await harness.stack.up();
        expect(up.outputs.status.value).to.equal("REJECTED");
        expect((await writeCalls(emulator)).map(arnOf)).to.deep.equal([arn]);
    });

    it("Rejection policies: rejects the unwanted sender's invitations in both regions, and only those", async () => {
        const [block] = codeBlocksUnder("Rejection policies: reject everything not from an allowed sender", "ts");
        const allowed = await pending(SENDER, RECEIVER, ["us-east-1", "eu-west-1"]);
        const unwanted = await pending(OTHER, RECEIVER, ["us-east-1", "eu-west-1"]);
        await emulator.admin.clearCalls();
        const harness = await programStack(block, RECEIVER);

        const up = await harness.stack.up();
        expect((await writeCalls(emulator)).map(arnOf).sort()).to.deep.equal([...unwanted].sort());
        expect(up.outputs.seen.value).to.deep.include({ pendingAllowed: allowed.length, rejectedNow: 2 });
    });

    it("Many accounts from one stack: the policy acts through its role, as the role's account", async () => {
        const [block] = codeBlocksUnder("Many accounts from one stack: roles", "ts");
        const dataProd = { accountId: "444455556666", accessKeyId: "AKIDREADMEDATAPROD1", secretAccessKey: "x" };
        await emulator.admin.seed({
            accounts: [HUB, dataProd],
            roles: [{ roleArn: "arn:aws:iam::444455556666:role/ram-invitations", trustedPrincipals: [HUB.accountId] }],
        });
        const unwanted = await pending(SENDER, dataProd, ["us-east-1"]);
        await emulator.admin.clearCalls();
        const harness = await programStack(block, HUB);

        await harness.stack.up();
        const writes = await writeCalls(emulator);
        expect(writes.map((c) => [arnOf(c), c.accountId])).to.deep.equal([[unwanted[0], dataProd.accountId]]);
    });
});
