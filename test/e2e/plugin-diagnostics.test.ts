/**
 * What a user reads in the CLI's output when an invitation is not plainly rejectable, from both
 * shells over the one core, on the real CLI against the emulator: the provider plugin from
 * examples/yaml-rejections (Pulumi YAML) and examples/python-rejections (Python, through the
 * generated SDK), and the dynamic resource from the repository's own project (TypeScript,
 * `ram-invitations:rejections` in stack config), each as written with only its stack config set,
 * each declaring three rejections, through the same cases:
 * - one of them EXPIRED: `preview` and `up` warn that there is nothing to reject, and `up` records it;
 * - no usable credentials: `preview` passes, warning per rejection that no credentials were found and
 *   where to put them, and sends no request;
 * - one of them already ACCEPTED: `preview` fails on that resource before anything is applied, and
 *   `up` fails that resource only while the other two are rejected.
 * The plugin sends its messages to the engine's log on the resource's URN, so the CLI prints them
 * under the resource; the dynamic provider writes them to its stderr, which the engine prints under
 * the stack (its protocol hands the provider no URN to log on).
 */
import * as path from "node:path";
import { AcceptResourceShareInvitationCommand } from "@aws-sdk/client-ram";
import { CommandError } from "@pulumi/pulumi/automation";
import { expect } from "chai";
import { clientEnvironment, INVITATION_LIFETIME_MS, RunningEmulator } from "../../emulator";
import { installCheckout } from "../../scripts/install-checkout";
import { installPythonSdk } from "../../scripts/install-python-sdk";
import { PulumiHarness } from "../../scripts/pulumi-harness";
import { ROOT_PROJECT } from "../../scripts/root-project";
import { OTHER, RECEIVER } from "../support/accounts";
import { EndToEndSuite, endToEndSuite } from "../support/end-to-end-suite";
import { diagnostics, expectWarningOnlyOn } from "../support/cli-diagnostics";
import { expectFailure } from "../support/expect-failure";
import { ramClientAs } from "../support/ram-client";
import { arnOf, writeCalls } from "../support/rejections-in-state";

const REPO = path.resolve(__dirname, "..", "..");
const MODULES = path.join(REPO, "node_modules");
const REGION = "us-east-1";
const PLUGIN_TYPE = "ram-invitations:index:InvitationRejection";
const DYNAMIC_TYPE = "pulumi-nodejs:dynamic/ram:InvitationRejection";

/** The variables of a run: the emulator's endpoints with RECEIVER's credentials, or with none at all. */
type Credentials = "receiver" | "none";

/** A program that declares one rejection per invitation it is configured with (three here). */
interface Program {
    title: string;
    /** The rejection's type token, as the CLI prints it. */
    type: string;
    /** The names the program gives the rejections of `arns`, in order. */
    names(arns: string[]): string[];
    /** A fresh stack of the program as written, configured with `arns`, run with `credentials`. */
    stack(suite: EndToEndSuite, arns: string[], credentials: Credentials): Promise<PulumiHarness>;
    /** Where the CLI prints the provider's warnings about the rejection `name`: a header of "Diagnostics:". */
    warningsOn(harness: PulumiHarness, name: string): string;
    /** Whether the program reaches the resource through the provider plugin. */
    plugin: boolean;
}

function environment(emulator: RunningEmulator, credentials: Credentials): Record<string, string> {
    const env = clientEnvironment(emulator.endpoint, RECEIVER);
    // An empty value counts as unset for the AWS SDK; the harness already hides every profile.
    return credentials === "none" ? { ...env, AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "" } : env;
}

/** The name examples/python-rejections gives the rejection of `arn`: from the invitation's id. */
function pythonName(arn: string): string {
    return `declined-${arn.slice(arn.lastIndexOf("/") + 1)}`;
}

/** examples/yaml-rejections declares its three rejections by name, each from a config key of its own. */
const YAML_REJECTIONS = [
    { name: "analytics-vendor-share", key: "analyticsInvitationArn" },
    { name: "backups-vendor-share", key: "backupsInvitationArn" },
    { name: "monitoring-vendor-share", key: "monitoringInvitationArn" },
];

/** The dynamic resource's program names them as the test's `ram-invitations:rejections` entries do. */
const ROOT_NAMES = YAML_REJECTIONS.map((r) => r.name);

const PROGRAMS: Program[] = [
    {
        title: "a Pulumi YAML program (examples/yaml-rejections, the provider plugin)",
        type: PLUGIN_TYPE,
        plugin: true,
        names: () => YAML_REJECTIONS.map((r) => r.name),
        stack(suite, arns, credentials) {
            installCheckout();
            const project = "ram-invitations-yaml-rejections";
            return suite.stack({
                copy: {
                    root: path.join(REPO, "examples", "yaml-rejections"),
                    paths: ["Pulumi.yaml"],
                    links: { node_modules: MODULES },
                },
                config: Object.fromEntries(YAML_REJECTIONS.map((r, i) => [`${project}:${r.key}`, { value: arns[i] }])),
                env: environment(suite.emulator, credentials),
            });
        },
        warningsOn: (_harness, name) => `${PLUGIN_TYPE} (${name})`,
    },
    {
        title: "a Python program (examples/python-rejections, the provider plugin)",
        type: PLUGIN_TYPE,
        plugin: true,
        names: (arns) => arns.map(pythonName),
        stack(suite, arns, credentials) {
            installCheckout();
            // The example's virtualenv (`venv`): pulumi and the generated SDK, installed from PyPI and sdk/python.
            const venv = installPythonSdk();
            return suite.stack({
                copy: {
                    root: path.join(REPO, "examples", "python-rejections"),
                    paths: ["Pulumi.yaml", "__main__.py", "requirements.txt"],
                    links: { node_modules: MODULES, venv },
                },
                config: { "ram-invitations-python-rejections:invitationArns": { value: JSON.stringify(arns) } },
                env: environment(suite.emulator, credentials),
            });
        },
        warningsOn: (_harness, name) => `${PLUGIN_TYPE} (${name})`,
    },
    {
        title: "a TypeScript program (the repository's own project, the dynamic resource)",
        type: DYNAMIC_TYPE,
        plugin: false,
        names: () => ROOT_NAMES,
        stack(suite, arns, credentials) {
            const rejections = Object.fromEntries(ROOT_NAMES.map((name, i) => [name, { invitationArn: arns[i] }]));
            return suite.rootStack(rejections, { env: environment(suite.emulator, credentials) });
        },
        // Its provider's stderr, which the engine prints under the stack.
        warningsOn: (harness) => `pulumi:pulumi:Stack (${ROOT_PROJECT}-${harness.stack.name})`,
    },
];

const expiredWarning = (arn: string) => `invitation ${arn} has expired; there is nothing to reject`;
const refusal = (arn: string) =>
    `Could not reject invitation ${arn} (account ${RECEIVER.accountId} in region ${REGION})`;
const ALREADY_ACCEPTED = "it was already accepted, and an accepted invitation can no longer be rejected";

for (const program of PROGRAMS) {
    describe(`diagnostics and per-resource failures from ${program.title}`, function () {
        this.timeout(10 * 60_000);
        const suite = endToEndSuite();
        let emulator: RunningEmulator;
        before(() => (emulator = suite.emulator));

        function seedPending(count: number, namePrefix: string): Promise<string[]> {
            return emulator.admin.seedPendingInvitations({
                sender: OTHER,
                receiver: RECEIVER,
                count,
                regions: [REGION],
                namePrefix,
            });
        }

        it("an expired invitation: preview and up warn there is nothing to reject; up records EXPIRED", async () => {
            // RAM expires an invitation nobody answered within seven days: sent before the clock moves on,
            // it has expired; the two sent after it are pending.
            const [expired] = await seedPending(1, "expired");
            await emulator.admin.advanceClock(INVITATION_LIFETIME_MS);
            const [first, last] = await seedPending(2, "pending");
            const arns = [first, expired, last];
            await emulator.admin.clearCalls();
            const harness = await program.stack(suite, arns, "receiver");
            const names = program.names(arns);

            const preview = await harness.stack.preview();
            expectWarningOnlyOn(preview.stdout, expiredWarning(expired), program.warningsOn(harness, names[1]));
            expect(await writeCalls(emulator)).to.deep.equal([]);

            const up = await harness.stack.up();
            expectWarningOnlyOn(up.stdout, expiredWarning(expired), program.warningsOn(harness, names[1]));
            expect(await statusesInState(harness, program)).to.deep.equal({
                [names[0]]: "REJECTED",
                [names[1]]: "EXPIRED",
                [names[2]]: "REJECTED",
            });
            const changed = (await writeCalls(emulator)).filter((call) => call.stateChanged);
            expect(changed.map(arnOf)).to.have.members([first, last]);
        });

        it("no usable credentials: preview passes, warning per rejection what is missing, no request", async () => {
            const arns = await seedPending(3, "share");
            await emulator.admin.clearCalls();
            const harness = await program.stack(suite, arns, "none");
            const names = program.names(arns);

            const preview = await harness.stack.preview();
            expect(preview.changeSummary).to.deep.equal({ create: 4 }); // the stack and three rejections
            arns.forEach((arn, i) => {
                const warning = expectWarningOnlyOn(
                    preview.stdout,
                    `could not look up ${arn} in RAM (no AWS credentials were found, so no request was sent`,
                    program.warningsOn(harness, names[i]),
                );
                expect(warning).to.include("the variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
                expect(warning).to.include('"pulumi config set ram-invitations:profile <name>"');
                expect(warning).to.include("it was validated offline only");
                if (program.plugin) {
                    // The engine hands a plugin no aws:* config, so nothing may send its user there.
                    expect(warning).not.to.include("aws:profile");
                }
            });
            expect(await emulator.admin.calls()).to.deep.equal([]);
        });

        it("one of three already accepted: preview fails on it, no write; up rejects the other two", async () => {
            // Declared first: a failure that stopped the update would hold back both others.
            const arns = await seedPending(3, "share");
            const [accepted, ...others] = arns;
            await ramClientAs(emulator.endpoint, RECEIVER, REGION).send(
                new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: accepted }),
            );
            await emulator.admin.clearCalls();
            const harness = await program.stack(suite, arns, "receiver");
            const [acceptedName, ...otherNames] = program.names(arns);

            const preview = (await expectFailure(harness.stack.preview(), CommandError)).message;
            expectRefusedOnly(preview, program, acceptedName, otherNames, accepted);
            expect(await writeCalls(emulator)).to.deep.equal([]);

            // Without --continue-on-error the engine starts no new step after a failed one (whichever the
            // provider), so which other rejections that update makes would depend on timing.
            const up = (await expectFailure(harness.stack.up({ continueOnError: true }), CommandError)).message;
            expectRefusedOnly(up, program, acceptedName, otherNames, accepted);
            // It failed in its own create, as one resource among others, not in check.
            expect(up).to.include(`${program.type} ${acceptedName} **creating failed**`);
            const writes = await writeCalls(emulator);
            expect(writes.map(arnOf)).to.have.members(others);
            expect(writes.every((call) => call.outcome === "ok" && call.stateChanged)).to.equal(true);
            expect(await statusesInState(harness, program)).to.deep.equal({
                [otherNames[0]]: "REJECTED",
                [otherNames[1]]: "REJECTED",
            });
            const { invitations } = await emulator.admin.state();
            expect(invitations.find((i) => i.resourceShareInvitationArn === accepted)?.status).to.equal("ACCEPTED");
        });
    });
}

/** Expects the refusal of `arn` as an error on the resource `refused`, and no error on `others`. */
function expectRefusedOnly(output: string, program: Program, refused: string, others: string[], arn: string): void {
    const byHeader = diagnostics(output);
    const onRefused = byHeader.get(`${program.type} (${refused})`) ?? "";
    expect(onRefused, output).to.match(/^error: /);
    expect(onRefused).to.include(refusal(arn)).and.to.include(ALREADY_ACCEPTED);
    for (const name of others) {
        expect(byHeader.get(`${program.type} (${name})`) ?? "", output).not.to.include("error:");
    }
    expect(output).not.to.match(/\s+at \S+ \(/); // no stack trace
}

/** Each rejection in the stack's state, by name, with the status it recorded. */
async function statusesInState(harness: PulumiHarness, program: Program): Promise<Record<string, string>> {
    const { deployment } = await harness.stack.exportStack();
    const resources = (deployment.resources ?? []) as { urn: string; type: string; outputs?: { status?: string } }[];
    return Object.fromEntries(
        resources
            .filter((resource) => resource.type === program.type)
            .map((resource) => [
                resource.urn.slice(resource.urn.lastIndexOf("::") + 2),
                String(resource.outputs?.status),
            ]),
    );
}
