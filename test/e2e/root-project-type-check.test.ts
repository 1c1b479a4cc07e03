/**
 * The root program is type-checked as Pulumi checks a user's TypeScript program: a type error fails
 * the preview, both with Pulumi's own check at every run and with the harness's check once per
 * process (scripts/type-check-once.ts) that the other end-to-end files run it under.
 */
import { appendFile, cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { CommandError } from "@pulumi/pulumi/automation";
import { clientEnvironment } from "../../emulator";
import { rootProjectCopy } from "../../scripts/root-project";
import { RECEIVER } from "../support/accounts";
import { endToEndSuite } from "../support/end-to-end-suite";
import { expectFailure } from "../support/expect-failure";

describe("the root program is type-checked as Pulumi checks a user's", function () {
    this.timeout(10 * 60_000);
    const suite = endToEndSuite();

    // The program is type-checked as Pulumi does by default: a type error in it fails the preview.
    it("type-checks the root program, as Pulumi does for a user", async () => {
        const harness = await suite.rootStack(undefined, {
            typeCheckEveryRun: true,
            credentials: RECEIVER,
            env: clientEnvironment(suite.emulator.endpoint, RECEIVER),
        });
        const program = path.join(harness.stack.workspace.workDir, "examples", "stack-config", "index.ts");
        await appendFile(program, '\nexport const notANumber: number = "text";\n');
        const error = await expectFailure(harness.stack.preview(), CommandError);
        expect(error.message).to.contain("Unable to compile TypeScript").and.to.contain("TS2322");
    });

    // Other tests run the root program type-checked once per process (scripts/type-check-once.ts):
    // that check fails on the same error, before any run.
    it("the harness's once-per-process check fails on a type error too", async () => {
        const copy = rootProjectCopy();
        const folder = await mkdtemp(path.join(tmpdir(), "type-error-"));
        try {
            for (const entry of copy.paths) {
                await cp(path.join(copy.root, entry), path.join(folder, entry), { recursive: true });
            }
            await appendFile(
                path.join(folder, "examples", "stack-config", "index.ts"),
                '\nexport const n: number = "text";\n',
            );
            const links = { node_modules: path.join(copy.root, "node_modules") };
            const error = await expectFailure(suite.stack({ copy: { ...copy, root: folder, links } }), Error);
            expect(error.message).to.contain("Unable to compile TypeScript").and.to.contain("TS2322");
        } finally {
            await rm(folder, { recursive: true, force: true });
        }
    });
});
