import { expect } from "chai";
import { providerConfigKeys } from "../../../provider/core/provider-config-keys";
import { unknownKeyProblems } from "../../../provider/config/unknown-keys";

const KEYS = ["rejections", "policy", "accounts"];

describe("unknownKeyProblems", () => {
    it("accepts the reader's keys and the provider's, and ignores other namespaces", () => {
        const config = {
            "ram-invitations:rejections": "{}",
            "ram-invitations:policy": "{}",
            "ram-invitations:accounts": "{}",
            ...Object.fromEntries(providerConfigKeys().map((key) => [`ram-invitations:${key}`, "x"])),
            "aws:region": "us-east-1",
            "my-project:rejection": "{}",
        };
        expect(unknownKeyProblems(config, "ram-invitations", "declareFromStackConfig()", KEYS)).to.deep.equal([]);
    });

    it("names each unknown key, sorted, and the valid ones", () => {
        const config = {
            "ram-invitations:rejection": "{}",
            "ram-invitations:Policy": "{}",
            "ram-invitations:rejections": "{}",
        };
        expect(unknownKeyProblems(config, "ram-invitations", "declareFromStackConfig()", KEYS)).to.deep.equal(
            ["ram-invitations:Policy", "ram-invitations:rejection"].map(
                (key) =>
                    `${key} is not a key that declareFromStackConfig() or the provider reads; the keys of ` +
                    "ram-invitations: are rejections, policy, accounts and the provider's region, profile, " +
                    "endpoints, roleArn, externalId, roleSessionName, allowedAccountIds",
            ),
        );
    });

    it("checks only whole keys of the namespace: a namespace that starts the same is another", () => {
        const config = { "ram-invitations-extra:rejection": "{}", "ram-invitations:rejections.extra": "{}" };
        expect(unknownKeyProblems(config, "ram-invitations", "r()", KEYS)).to.deep.equal([
            "ram-invitations:rejections.extra is not a key that r() or the provider reads; the keys of " +
                "ram-invitations: are rejections, policy, accounts and the provider's region, profile, endpoints, " +
                "roleArn, externalId, roleSessionName, allowedAccountIds",
        ]);
    });
});
