/**
 * The toolchain works end to end: the real Pulumi CLI, its Node.js language host and the
 * dynamic-provider launcher run a trivial dynamic resource through a whole stack lifecycle.
 * The cases share one stack and run in order.
 */
import { expect } from "chai";
import * as path from "node:path";
import { deploymentInCheckpoint, latestSummary, outputsInCheckpoint } from "../../scripts/backend-records";
import { PulumiHarness } from "../../scripts/pulumi-harness";

const DYNAMIC_RESOURCE = "pulumi-nodejs:dynamic:Resource";

describe("toolchain: real Pulumi CLI with a dynamic provider", function () {
    // The first use may build the CLI from Go modules (minutes); each operation takes seconds.
    this.timeout(15 * 60_000);

    let harness: PulumiHarness;

    before(async () => {
        harness = await PulumiHarness.create({
            program: path.join(__dirname, "fixtures", "trivial", "index.ts"),
            config: { greeting: { value: "hello from config" } },
            env: { TRIVIAL_PROVIDER_ENV: "from the harness" },
        });
    });

    after(async () => {
        await harness?.dispose();
    });

    async function dynamicResourcesInState(): Promise<unknown[]> {
        const { deployment } = await harness.stack.exportStack();
        return (deployment.resources ?? []).filter((r: { type: string }) => r.type === DYNAMIC_RESOURCE);
    }

    it("up creates the resource through the dynamic provider", async () => {
        const result = await harness.stack.up();

        expect(result.summary.resourceChanges).to.deep.equal({ create: 2 }); // the stack and the resource
        expect(await dynamicResourcesInState()).to.have.length(1);
        expect(result.outputs.greeting.value).to.equal("hello from config");
        expect(result.outputs.providerEnv.value).to.equal("from the harness");
    });

    it("a second up reports no changes", async () => {
        const result = await harness.stack.up();

        expect(result.summary.resourceChanges).to.deep.equal({ same: 2 });
    });

    // The harness's stacks read them from the file backend (scripts/backend-records.ts): the same
    // records as the CLI prints, without three more CLI starts after every up.
    it("state, outputs and the last update's summary, read from the backend, are what the CLI prints", async () => {
        const { stack } = harness;
        const cliOutputs = await stack.workspace.stackOutputs(stack.name);
        expect(await outputsInCheckpoint(harness.backendDir, stack.name)).to.deep.equal(cliOutputs);
        expect(await stack.outputs()).to.deep.equal(cliOutputs);
        const [printed] = await stack.history(1, undefined, true);
        expect(await latestSummary(harness.backendDir, stack.name)).to.deep.equal(printed);
        expect(await stack.info(true)).to.deep.equal(printed);
        expect(printed.resourceChanges).to.deep.equal({ same: 2 });
        const exported = await stack.workspace.exportStack(stack.name);
        expect(await deploymentInCheckpoint(harness.backendDir, stack.name)).to.deep.equal(exported);
        expect(await stack.exportStack()).to.deep.equal(exported);
    });

    it("destroy empties the stack", async () => {
        const result = await harness.stack.destroy();

        expect(result.summary.resourceChanges).to.deep.equal({ delete: 2 });
        const { deployment } = await harness.stack.exportStack();
        expect(deployment.resources ?? []).to.be.empty;
    });
});
