import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { deriveClientToken } from "../../provider/client-token";
import { InvitationRejection } from "../../provider/invitation-rejection";

// Values that must never reach the serialized provider (and so Pulumi state).
const SECRETS = {
    AWS_ACCESS_KEY_ID: "AKIASERIALIZETEST0001",
    AWS_SECRET_ACCESS_KEY: "serialize-test-secret-0123456789abcdefghij",
    AWS_SESSION_TOKEN: "serialize-test-session-token-zyxwvutsrq",
};

interface Registered {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
}

describe("the serialized provider", function () {
    this.timeout(60_000);
    const registered: Registered[] = [];
    const saved: Record<string, string | undefined> = {};

    before(async () => {
        for (const [key, value] of Object.entries(SECRETS)) {
            saved[key] = process.env[key];
            process.env[key] = value;
        }
        // Pulumi's mock monitor records what the engine would receive, including the provider
        // text that Pulumi's own closure serializer produced for `__provider`.
        await pulumi.runtime.setMocks(
            {
                newResource: (args) => {
                    registered.push({ type: args.type, name: args.name, inputs: args.inputs });
                    return { id: `${args.name}-id`, state: args.inputs };
                },
                call: () => ({}),
            },
            "project",
            "stack",
            false,
        );
        const parent = new pulumi.ComponentResource("acme:ram:Rejections", "team");
        const rejection = new InvitationRejection(
            "reject-data",
            { invitationArn: "arn:aws:ram:us-east-1:111122223333:resource-share-invitation/abc" },
            { parent },
        );
        await new Promise<void>((resolve) => rejection.urn.apply(() => resolve()));
        // Let the registration (which awaits the serialized provider) reach the mock monitor.
        for (let i = 0; i < 50 && registered.length < 1; i++) await new Promise((r) => setTimeout(r, 100));
    });

    after(() => {
        for (const [key, value] of Object.entries(saved)) {
            if (value === undefined) delete process.env[key];
            else process.env[key] = value;
        }
    });

    function registration(): Registered {
        const found = registered.find((r) => r.name === "reject-data");
        expect(found, "InvitationRejection was registered").to.not.equal(undefined);
        return found!;
    }

    it("has the documented type token", () => {
        expect(registration().type).to.equal("pulumi-nodejs:dynamic/ram:InvitationRejection");
    });

    it("derives the client token from the URN (with its parent) and the ARN", () => {
        const urn = "urn:pulumi:stack::project::acme:ram:Rejections$pulumi-nodejs:dynamic/ram:InvitationRejection::reject-data";
        const arn = "arn:aws:ram:us-east-1:111122223333:resource-share-invitation/abc";
        expect(registration().inputs.clientToken).to.equal(deriveClientToken(urn, arn));
    });

    it("contains no credential from the environment and no client object", () => {
        const text = registration().inputs.__provider;
        expect(text).to.be.a("string").and.to.contain("exports.handler");
        for (const [key, value] of Object.entries(SECRETS)) {
            expect(text, `${key} leaked into the serialized provider`).to.not.contain(value);
        }
        // Clients are made in the provider process; the serialized instance holds none.
        expect(text).to.not.match(/credentialDefaultProvider|\bcredentials\s*:/);
        expect(text).to.match(/require\("@aws-sdk\/client-ram[/"]/);
    });
});
