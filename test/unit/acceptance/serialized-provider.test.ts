/**
 * The acceptance's dynamic provider as Pulumi serializes it for a program that imports the library by
 * path (by value, the harder case): its type token, its token from the URN, and no credential in it.
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { deriveAcceptanceClientToken } from "../../../provider/core/acceptance/client-token";

const SECRETS = {
    AWS_ACCESS_KEY_ID: "AKIASERIALIZETEST0002",
    AWS_SECRET_ACCESS_KEY: "serialize-test-secret-acceptance-0123456789",
    AWS_PROFILE: "serialize-test-profile-acceptance",
};

describe("the serialized acceptance provider", function () {
    this.timeout(60_000);
    let registration: { type: string; inputs: Record<string, unknown> };

    before(() => {
        const fixture = path.join(__dirname, "..", "rejection", "fixtures", "register-rejection.ts");
        const stdout = execFileSync(
            process.execPath,
            ["-r", "ts-node/register/transpile-only", fixture, "acceptance"],
            { env: { ...process.env, ...SECRETS }, encoding: "utf8" },
        );
        registration = JSON.parse(stdout);
    });

    it("has the documented type token and derives its token from the URN in its own namespace", () => {
        expect(registration.type).to.equal("pulumi-nodejs:dynamic/ram:InvitationAcceptance");
        const urn =
            "urn:pulumi:stack::project::acme:ram:Rejections$" +
            "pulumi-nodejs:dynamic/ram:InvitationAcceptance::reject-data";
        const arn = "arn:aws:ram:us-east-1:111122223333:resource-share-invitation/abc";
        expect(registration.inputs.clientToken).to.equal(deriveAcceptanceClientToken(urn, arn));
    });

    it("contains its provider and no credential from the environment", () => {
        const text = registration.inputs.__provider;
        expect(text)
            .to.be.a("string")
            .and.to.contain("exports.handler")
            .and.to.contain("AcceptResourceShareInvitation");
        for (const [key, value] of Object.entries(SECRETS)) {
            expect(text, `${key} leaked into the serialized provider`).to.not.contain(value);
        }
    });
});
