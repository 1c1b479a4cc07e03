import { expect } from "chai";
import { isDefaultProvider } from "../../../provider/plugin/provider-configuration";

const urn = (name: string) => `urn:pulumi:dev::project::pulumi:providers:ram-invitations::${name}`;

describe("isDefaultProvider (which provider's settings are ram-invitations:* stack config)", () => {
    it("knows every name the engine gives a default provider", () => {
        for (const name of [
            "default",
            "default_0_2_0",
            "default_1_0_0_rc.1",
            "default_0_2_0_github_/api.github.com/pulumi-ram-invitations/pulumi-ram-invitations",
        ]) {
            expect(isDefaultProvider(urn(name)), name).to.equal(true);
        }
        expect(isDefaultProvider(""), "an engine that names none").to.equal(true);
    });

    it("takes an explicit provider, or another package's default, for what it is", () => {
        for (const name of ["workloads", "prod-default", "defaults"]) {
            expect(isDefaultProvider(urn(name)), name).to.equal(false);
        }
        expect(isDefaultProvider("urn:pulumi:dev::project::pulumi:providers:aws::default_7_0_0")).to.equal(false);
    });
});
