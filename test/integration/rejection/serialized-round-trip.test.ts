import { expect } from "chai";
import { RunningEmulator } from "../../../emulator";
import { deriveClientToken } from "../../../provider/core/rejection/client-token";
import { loadSerializedProvider, serializeProviderByValue } from "../../support/serialized-provider";
import { RECEIVER, SENDER } from "../../support/accounts";
import { emulatorPerSuite } from "../../support/emulator-suite";

describe("the provider after Pulumi's serialization round trip", function () {
    this.timeout(30_000);
    const suite = emulatorPerSuite({ actAs: RECEIVER });
    let emulator: RunningEmulator;
    before(() => (emulator = suite.emulator));

    it("checks, rejects and reads like the original (nothing it needs is lost in serialization)", async () => {
        const seeded = await emulator.admin.seed({
            accounts: [SENDER, RECEIVER],
            resourceShares: [
                { name: "s", ownerAccountId: SENDER.accountId, region: "us-west-2", principals: [RECEIVER.accountId] },
            ],
        });
        const invitationArn = seeded.resourceShares[0].invitationArns[RECEIVER.accountId];
        const provider = loadSerializedProvider(await serializeProviderByValue());

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
