/**
 * What the provider-configuration end-to-end files share (provider-config.test.ts for the root
 * program, provider-config-yaml.test.ts, provider-config-python.test.ts): example copies outside the
 * checkout, runs with only the emulator's endpoints and the credentials of profiles a test writes,
 * and the reads of the emulator their assertions make.
 */
import { writeFile } from "node:fs/promises";
import * as path from "node:path";
import { CommandError } from "@pulumi/pulumi/automation";
import { expect } from "chai";
import { CallLogEntry, RunningEmulator, SeedAccount } from "../../emulator";
import { installCheckout } from "../../scripts/install-checkout";
import { installPythonSdk } from "../../scripts/install-python-sdk";
import { PulumiHarness } from "../../scripts/pulumi-harness";
import { SENDER } from "./accounts";
import { EndToEndSuite } from "./end-to-end-suite";
import { expectFailure } from "./expect-failure";
import { arnOf, writeCalls } from "./rejections-in-state";

export const REPO = path.resolve(__dirname, "..", "..");
export const MODULES = path.join(REPO, "node_modules");
export const PYTHON_FILES = ["Pulumi.yaml", "__main__.py", "requirements.txt"];
export const REGION = "us-east-1";
/** How Pulumi's state marks a secret value: this key, with this value, beside the value itself. */
export const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";
export const SECRET_SIGNATURE_VALUE = "1b47061264138c4ac30d75fd1eb44270";

/** The emulator's endpoints and no credentials at all: a run finds them only in a profile. */
export function endpointsOnly(endpoint: string): Record<string, string> {
    return {
        AWS_ENDPOINT_URL_RAM: endpoint,
        AWS_ENDPOINT_URL_STS: endpoint,
        AWS_ACCESS_KEY_ID: "",
        AWS_SECRET_ACCESS_KEY: "",
        AWS_SESSION_TOKEN: "",
        AWS_PROFILE: "",
    };
}

/**
 * Makes `profiles` (profile name → account) the only AWS credentials of the stack's runs: the
 * shared-credentials file every process reads (AWS_SHARED_CREDENTIALS_FILE, in the stack's temporary
 * folder), with no `default` profile unless one is named.
 */
export async function writeProfiles(harness: PulumiHarness, profiles: Record<string, SeedAccount>): Promise<void> {
    const sections = Object.entries(profiles).map(
        ([name, account]) =>
            `[${name}]\naws_access_key_id = ${account.accessKeyId}\n` +
            `aws_secret_access_key = ${account.secretAccessKey}\n`,
    );
    await writeFile(harness.env.AWS_SHARED_CREDENTIALS_FILE, sections.join("\n"));
}

/** A copy of examples/<folder>, with the checkout's node_modules (the plugin) and, for Python, the virtualenv. */
export function exampleCopy(folder: string, files: string[]) {
    installCheckout();
    const links: Record<string, string> = { node_modules: MODULES };
    if (files.includes("__main__.py")) {
        // pulumi and the generated SDK, installed from PyPI and sdk/python.
        links.venv = installPythonSdk();
    }
    return { root: path.join(REPO, "examples", folder), paths: files, links };
}

/** Every RAM call the emulator logged as signed by `account`. */
export async function callsBy(emulator: RunningEmulator, account: SeedAccount): Promise<CallLogEntry[]> {
    return emulator.admin.calls({ accountId: account.accountId });
}

/** One pending invitation from SENDER to `receiver`, in `region`. */
export async function pendingFor(emulator: RunningEmulator, receiver: SeedAccount, region = REGION): Promise<string> {
    const [arn] = await emulator.admin.seedPendingInvitations({
        sender: SENDER,
        receiver,
        count: 1,
        regions: [region],
        namePrefix: `for-${receiver.name}`,
    });
    return arn;
}

export async function statusOf(emulator: RunningEmulator, invitationArn: string): Promise<string | undefined> {
    const { invitations } = await emulator.admin.state();
    return invitations.find((i) => i.resourceShareInvitationArn === invitationArn)?.status;
}

/** What a failed Automation API operation printed (the CLI's stdout and stderr). */
export async function failureText(operation: Promise<unknown>): Promise<string> {
    return (await expectFailure(operation, CommandError)).message;
}

/**
 * `up` rejects `invitationArn` signed with `account`'s key (the only RAM write, logged as that
 * account's), and the next `up` changes nothing.
 */
export async function expectRejectedAs(
    suite: EndToEndSuite,
    harness: PulumiHarness,
    invitationArn: string,
    account: SeedAccount,
): Promise<void> {
    await suite.emulator.admin.clearCalls();
    const up = await harness.stack.up();
    expect(up.outputs.status.value).to.equal("REJECTED");
    const writes = await writeCalls(suite.emulator);
    expect(writes.map((c) => [arnOf(c), c.accountId])).to.deep.equal([[invitationArn, account.accountId]]);
    const again = await harness.stack.up();
    expect(Object.keys(again.summary.resourceChanges ?? {})).to.deep.equal(["same"]);
    expect(await writeCalls(suite.emulator)).to.have.length(1);
}
