import { expect } from "chai";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { deriveClientToken } from "../../../provider/core/rejection/client-token";

// Values that must never reach the serialized provider (and so Pulumi state).
const SECRETS = {
    AWS_ACCESS_KEY_ID: "AKIASERIALIZETEST0001",
    AWS_SECRET_ACCESS_KEY: "serialize-test-secret-0123456789abcdefghij",
    AWS_SESSION_TOKEN: "serialize-test-session-token-zyxwvutsrq",
    AWS_PROFILE: "serialize-test-profile",
};

interface Registration {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
}

describe("the serialized provider", function () {
    this.timeout(60_000);
    let registration: Registration;

    before(() => {
        const fixture = path.join(__dirname, "fixtures", "register-rejection.ts");
        const stdout = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", fixture], {
            env: { ...process.env, ...SECRETS },
            encoding: "utf8",
        });
        registration = JSON.parse(stdout) as Registration;
    });

    it("has the documented type token", () => {
        expect(registration.type).to.equal("pulumi-nodejs:dynamic/ram:InvitationRejection");
    });

    it("derives the client token from the URN (with its parent) and the ARN", () => {
        const urn =
            "urn:pulumi:stack::project::acme:ram:Rejections$pulumi-nodejs:dynamic/ram:InvitationRejection::reject-data";
        const arn = "arn:aws:ram:us-east-1:111122223333:resource-share-invitation/abc";
        expect(registration.inputs.clientToken).to.equal(deriveClientToken(urn, arn));
    });

    it("tells check, in an internal input, that this run is the update and not a preview", () => {
        expect(registration.inputs.__preview).to.equal(false);
    });

    it("contains no credential from the environment and no client object", () => {
        const text = registration.inputs.__provider;
        expect(text).to.be.a("string").and.to.contain("exports.handler");
        for (const [key, value] of Object.entries(SECRETS)) {
            expect(text, `${key} leaked into the serialized provider`).to.not.contain(value);
        }
        // Clients are made in the provider process; the serialized instance holds none, only a
        // reference to the SDK module. A captured client would bring its middleware stack and
        // resolved config; a captured credentials object would be serialized as a value assigned to
        // a `credentials` property (code that hands credentials to a client is fine).
        expect(text).to.not.match(/credentialDefaultProvider|\.middlewareStack = __|\.credentials = __/);
        expect(text).to.match(/require\("@aws-sdk\/client-ram[/"]/);
    });
});
