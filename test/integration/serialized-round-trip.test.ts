import { expect } from "chai";
import Module from "node:module";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { RunningEmulator } from "../../emulator";
import { deriveClientToken } from "../../provider/client-token";
import * as serializableProvider from "../../provider/serializable-provider";
import { emulatorForSuite, RECEIVER, SENDER } from "./aws-environment";


/** Loads serialized provider text the way Pulumi's dynamic-provider process does (require from a string). */
function loadSerializedProvider(text: string): pulumi.dynamic.ResourceProvider {
    const filename = path.join(process.cwd(), "__serialized_provider.js");
    const loaded = new Module(filename, module) as Module & { _compile(code: string, file: string): void };
    loaded.filename = filename;
    loaded.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(process.cwd());
    loaded._compile(text, filename);
    return (loaded.exports as { handler(): pulumi.dynamic.ResourceProvider }).handler();
}

describe("the provider after Pulumi's serialization round trip", function () {
    this.timeout(30_000);
    const suite = emulatorForSuite();
    let emulator: RunningEmulator;
    before(() => (emulator = suite.emulator));

    it("checks, rejects and reads like the original (nothing it needs is lost in serialization)", async () => {
        const seeded = await emulator.admin.seed({
            accounts: [SENDER, RECEIVER],
            resourceShares: [{ name: "s", ownerAccountId: SENDER.accountId, region: "us-west-2", principals: [RECEIVER.accountId] }],
        });
        const invitationArn = seeded.resourceShares[0].invitationArns[RECEIVER.accountId];
        const { text } = await pulumi.runtime.serializeFunction(() => serializableProvider, { allowSecrets: true });
        const provider = loadSerializedProvider(text);

        await provider.configure!({ config: { get: () => undefined, require: () => "" } });
        const inputs = { invitationArn, clientToken: deriveClientToken("urn:pulumi:s::p::t::n", invitationArn) };
        const checked = await provider.check!({}, inputs);
        expect(checked.failures).to.deep.equal([]);
        const created = await provider.create(checked.inputs);
        expect(created.outs).to.deep.include({ status: "REJECTED", resourceShareName: "s" });
        const read = await provider.read!(created.id, created.outs);
        expect(read.props).to.deep.include({ status: "REJECTED" });
    });
});
