/**
 * Checkpoint-free updates killed at random moments (see checkpoint-free.test.ts), from the provider
 * plugin's other languages, each example run as written with only its stack settings: explicit
 * rejections from Python (examples/python-rejections) and a policy that rejects and accepts through
 * a role from Pulumi YAML (examples/yaml-policy). The same checks: every invitation answered once,
 * the state complete, a further `up` with no change, and the policy's summary truthful.
 */
import { expect } from "chai";
import { writeFile } from "node:fs/promises";
import * as path from "node:path";
import { clientEnvironment } from "../../emulator";
import { INVITATION_ACCEPTANCE_TYPE_TOKEN, INVITATION_REJECTION_TYPE_TOKEN } from "../../provider";
import { installCheckout } from "../../scripts/install-checkout";
import { installPythonSdk } from "../../scripts/install-python-sdk";
import { HUB, OTHER, RECEIVER, SENDER } from "../support/accounts";
import { ACCEPT, killedUpdatesSuite, REGIONS, REJECT, SKIP_CHECKPOINTS } from "../support/killed-updates";
import { withSeed } from "../support/random-crashes";

const REPO = path.resolve(__dirname, "..", "..");
const MODULES = path.join(REPO, "node_modules");

describe("checkpoint-free updates killed at random moments, from Python and Pulumi YAML", function () {
    this.timeout(20 * 60_000);
    const runs = killedUpdatesSuite();

    it("explicit rejections from Python (examples/python-rejections): each rejected once, the state complete", () =>
        withSeed(runs.random, async () => {
            const arns = await runs.seedPending(24, SENDER);
            installCheckout();
            const harness = await runs.suite.stack({
                copy: {
                    root: path.join(REPO, "examples", "python-rejections"),
                    paths: ["Pulumi.yaml", "__main__.py", "requirements.txt"],
                    links: { node_modules: MODULES, venv: installPythonSdk() },
                },
                config: { "ram-invitations-python-rejections:invitationArns": { value: JSON.stringify(arns) } },
                env: { ...clientEnvironment(runs.proxy.endpoint, RECEIVER), ...SKIP_CHECKPOINTS },
            });
            await runs.explicitRejections(harness, arns);
        }));

    it("a policy from YAML (examples/yaml-policy) through a role: each answered once, a truthful summary", () =>
        withSeed(runs.random, async () => {
            const role = `arn:aws:iam::${RECEIVER.accountId}:role/ram-invitations`;
            await runs.emulator.admin.seed({
                accounts: [HUB, SENDER, RECEIVER, OTHER],
                roles: [{ roleArn: role, trustedPrincipals: [HUB.accountId] }],
            });
            const wanted = await runs.seedPending(8, SENDER, { associationDelayMs: 1_500 });
            const unwanted = await runs.seedPending(16, OTHER);
            installCheckout();
            const harness = await runs.suite.stack({
                copy: {
                    root: path.join(REPO, "examples", "yaml-policy"),
                    paths: ["Pulumi.yaml"],
                    links: { node_modules: MODULES },
                },
                env: { ...clientEnvironment(runs.proxy.endpoint, HUB), ...SKIP_CHECKPOINTS },
            });
            // The stack's settings as a user writes them, in Pulumi.<stack>.yaml.
            const project = "ram-invitations-yaml-policy";
            const settings = [
                "config:",
                `  ${project}:roleArn: ${role}`,
                `  ${project}:allowedSenderAccountIds: ["${SENDER.accountId}"]`,
                `  ${project}:regions: [${REGIONS.join(", ")}]`,
                `  ${project}:allowed: accept`,
                `  ${project}:maxRejectionsPerRun: 20`,
                `  ${project}:maxAcceptancesPerRun: 10`,
            ];
            await writeFile(
                path.join(harness.stack.workspace.workDir, `Pulumi.${harness.stack.name}.yaml`),
                `${settings.join("\n")}\n`,
            );
            await runs.slowWrites();
            await runs.killUps(harness, 4, wanted.length + unwanted.length);
            const lastBefore = await runs.lastSequence();

            const up = await harness.stack.up({ parallel: 4 });

            const rejections = await runs.resourcesOf(harness, INVITATION_REJECTION_TYPE_TOKEN);
            runs.expectChangedOnce(await runs.calls(REJECT), unwanted, rejections, { status: "REJECTED" });
            const acceptances = await runs.resourcesOf(harness, INVITATION_ACCEPTANCE_TYPE_TOKEN);
            runs.expectChangedOnce(await runs.calls(ACCEPT), wanted, acceptances, { status: "ACCEPTED" });
            const rejects = await runs.calls(REJECT);
            expect(new Set(rejects.map((c) => c.accountId)), "who rejected").to.deep.equal(
                new Set([RECEIVER.accountId]),
            );
            // What the lost runs did counts as done earlier; what this run did, as done now.
            await runs.expectTruthfulSummary(
                up.outputs.summary.value,
                { rejected: unwanted, accepted: wanted },
                lastBefore,
            );
            await runs.expectNoChange(harness);
        }));
});
