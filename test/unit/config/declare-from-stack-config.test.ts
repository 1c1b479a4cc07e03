/**
 * declareFromStackConfig and declareRejectionsFromConfig under Pulumi's mock monitor, in a project
 * named `my-project`: they read the `ram-invitations:*` keys whatever the project's name, and a key
 * of that namespace that neither they nor the provider read fails the program, naming the key,
 * before anything is registered.
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const ARN = "arn:aws:ram:us-east-1:111122223333:resource-share-invitation/abc";
const REJECTION_TYPE = "pulumi-nodejs:dynamic/ram:InvitationRejection";

interface Run {
    error?: string;
    registered: string[];
}

/** The fixture's run with `config` (full keys). */
function run(config: Record<string, unknown>, reader: "stack-config" | "rejections" = "stack-config"): Run {
    const fixture = path.join(__dirname, "fixtures", "declare-from-stack-config.ts");
    // As the language host passes them: strings as they are, anything else as JSON text.
    const values = Object.fromEntries(
        Object.entries(config).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]),
    );
    const stdout = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", fixture, reader], {
        env: { ...process.env, PULUMI_CONFIG: JSON.stringify(values) },
        encoding: "utf8",
    });
    return JSON.parse(stdout) as Run;
}

const rejectionsOf = (r: Run) => r.registered.filter((name) => name.startsWith(`${REJECTION_TYPE}::`));

describe("declaring from stack config, in a project of the user's own", function () {
    this.timeout(120_000);

    it("reads ram-invitations:rejections, not the project's namespace; the provider's keys are welcome", () => {
        const result = run({
            "ram-invitations:rejections": { "decline-vendor": { invitationArn: ARN } },
            "ram-invitations:region": "us-east-1",
            "ram-invitations:allowedAccountIds": ["222222222222"],
            "my-project:rejections": { "not-this-one": { invitationArn: ARN } },
            "my-project:anything": "the project's own keys are its own",
        });
        expect(result.error).to.equal(undefined);
        expect(rejectionsOf(result)).to.deep.equal([`${REJECTION_TYPE}::decline-vendor`]);
    });

    it("fails on ram-invitations:rejection (a typo), naming the key and the valid ones, registering nothing", () => {
        const result = run({
            "ram-invitations:rejection": { "decline-vendor": { invitationArn: ARN } },
            "ram-invitations:policy": { allowedSenderAccountIds: ["1234"], regions: ["us-east-1"] },
        });
        expect(result.error).to.contain("The stack config is not valid:");
        // Reported with the other problems, by key.
        expect(result.error).to.contain(
            "ram-invitations:rejection is not a key that declareFromStackConfig() or the provider reads; the keys " +
                "of ram-invitations: are rejections, policy, accounts and the provider's region, profile",
        );
        expect(result.error).to.contain('ram-invitations:policy.allowedSenderAccountIds[0] "1234"');
        expect(result.registered.filter((name) => !name.startsWith("pulumi:pulumi:Stack"))).to.deep.equal([]);
    });

    it("declareRejectionsFromConfig: the same namespace, and a key it does not read fails the same way", () => {
        const ok = run({ "ram-invitations:rejections": { "decline-vendor": { invitationArn: ARN } } }, "rejections");
        expect(ok.error).to.equal(undefined);
        expect(rejectionsOf(ok)).to.deep.equal([`${REJECTION_TYPE}::decline-vendor`]);

        const typo = run({ "ram-invitations:rejection": { "decline-vendor": { invitationArn: ARN } } }, "rejections");
        expect(typo.error).to.contain(
            "ram-invitations:rejection is not a key that declareRejectionsFromConfig() or the provider reads; " +
                "the keys of ram-invitations: are rejections and the provider's region",
        );
        expect(rejectionsOf(typo)).to.deep.equal([]);
    });
});
