/**
 * The provider's configuration as both shells parse it: every key checked by name, values as stack
 * config and the SDKs' provider inputs carry them (JSON text for lists and objects), and the
 * dynamic provider's fallback to aws:profile and aws:region.
 */
import { expect } from "chai";
import { parseProviderConfig, providerConfigFromStack } from "../../../provider/core/provider-config";

const label = (key: string) => `ram-invitations:${key}`;

describe("provider configuration", () => {
    it("takes every setting, lists and objects also as JSON text", () => {
        const { config, problems } = parseProviderConfig(
            {
                region: "eu-west-1",
                profile: "receiver",
                endpoints: '{"ram":"http://127.0.0.1:4566","sts":"http://127.0.0.1:4566"}',
                roleArn: "arn:aws:iam::222222222222:role/ram-invitations",
                externalId: "the-external-id",
                roleSessionName: "pipeline",
                allowedAccountIds: '["222222222222"]',
                version: "0.1.0", // added by the engine
            },
            label,
        );
        expect(problems).to.deep.equal([]);
        expect(config).to.deep.equal({
            region: "eu-west-1",
            profile: "receiver",
            endpoints: { ram: "http://127.0.0.1:4566", sts: "http://127.0.0.1:4566" },
            roleArn: "arn:aws:iam::222222222222:role/ram-invitations",
            externalId: "the-external-id",
            roleSessionName: "pipeline",
            allowedAccountIds: ["222222222222"],
        });
    });

    it("names the key of every problem, and the valid keys for an unknown one", () => {
        const { problems } = parseProviderConfig(
            {
                profiles: "x",
                region: "us-east-9000",
                roleArn: "not-an-arn",
                allowedAccountIds: [22222222222, "12"],
                endpoints: { ram: "ftp://x", s3: "http://y" },
            },
            label,
        );
        const reasons = problems.map((problem) => problem.reason);
        expect(problems.map((problem) => problem.property)).to.have.members([
            "profiles",
            "region",
            "roleArn",
            "allowedAccountIds",
            "allowedAccountIds",
            "endpoints",
            "endpoints",
        ]);
        expect(reasons[0]).to.match(/^ram-invitations:profiles is not a setting .* region, profile, endpoints/);
        expect(reasons.join("\n")).to.include("ram-invitations:allowedAccountIds [0] 22222222222 is a number");
        expect(reasons.join("\n")).to.include('quote it ("022222222222")');
        expect(reasons.join("\n")).to.include(
            'ram-invitations:allowedAccountIds [1] "12" is not a 12-digit account id',
        );
        expect(reasons.join("\n")).to.include('ram-invitations:endpoints has no service "s3"');
        expect(reasons.join("\n")).to.include("ram-invitations:endpoints .ram must be an http(s) URL");
        expect(reasons.join("\n")).to.include('ram-invitations:roleArn: roleArn "not-an-arn" is not an IAM role ARN');
    });

    it("leaves alone the keys of the same namespace that a program reads, when told", () => {
        const values = { rejections: "[]", profile: "p" };
        expect(parseProviderConfig(values, label, ["rejections"]).problems).to.deep.equal([]);
        expect(parseProviderConfig(values, label).problems.map((p) => p.property)).to.deep.equal(["rejections"]);
    });

    it("an external id without a role is a problem; its value is never repeated", () => {
        const { problems } = parseProviderConfig({ externalId: "secret-value" }, label);
        expect(problems.map((p) => p.property)).to.deep.equal(["externalId"]);
        expect(problems[0].reason).to.not.include("secret-value");
    });

    it("the dynamic provider: ram-invitations:* first, then aws:profile and aws:region", () => {
        const stack = (values: Record<string, string>) => providerConfigFromStack((key) => values[key]).config;
        expect(stack({ "aws:profile": "a", "aws:region": "eu-west-1" })).to.deep.equal({
            profile: "a",
            region: "eu-west-1",
        });
        expect(
            stack({ "aws:profile": "a", "ram-invitations:profile": "r", "ram-invitations:region": "us-west-2" }),
        ).to.deep.equal({ profile: "r", region: "us-west-2" });
    });
});
