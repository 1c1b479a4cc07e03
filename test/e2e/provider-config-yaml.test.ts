/**
 * The provider's configuration from Pulumi YAML, on the real CLI against the emulator (the rest in
 * provider-config.test.ts): the default provider's stack config in examples/yaml (aws:profile alone,
 * ram-invitations:profile, a bad setting named by its key), and explicit providers, one per account,
 * in examples/yaml-providers (each rejection as its provider's role, allowedAccountIds, bad inputs
 * named with the secret not shown). Credentials only in profiles the tests write.
 */
import { appendFile, readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { expect } from "chai";
import { PulumiHarness } from "../../scripts/pulumi-harness";
import { BYSTANDER, HUB, OTHER, RECEIVER, SENDER } from "../support/accounts";
import { endToEndSuite } from "../support/end-to-end-suite";
import { arnOf, StateResource, writeCalls } from "../support/rejections-in-state";
import { readAllFiles, runPulumi } from "../support/stack-files";
import {
    SECRET_SIGNATURE,
    SECRET_SIGNATURE_VALUE,
    endpointsOnly,
    writeProfiles,
    exampleCopy,
    callsBy,
    pendingFor,
    statusOf,
    failureText,
    expectRejectedAs,
} from "../support/provider-config-programs";

describe("the default provider's stack config in a YAML program (examples/yaml)", function () {
    this.timeout(10 * 60_000);
    const suite = endToEndSuite();
    const project = "ram-invitations-yaml";

    async function yamlStack(config: Record<string, string>): Promise<PulumiHarness> {
        return suite.stack({
            copy: exampleCopy("yaml", ["Pulumi.yaml"]),
            config: Object.fromEntries(Object.entries(config).map(([key, value]) => [key, { value }])),
            env: endpointsOnly(suite.emulator.endpoint),
        });
    }

    it("aws:profile alone: no credentials, advice to set ram-invitations:profile, which then works", async () => {
        const invitationArn = await pendingFor(suite.emulator, RECEIVER);
        const harness = await yamlStack({ [`${project}:invitationArn`]: invitationArn, "aws:profile": "receiving" });
        await writeProfiles(harness, { receiving: RECEIVER });
        await suite.emulator.admin.clearCalls();

        // The engine hands the plugin only ram-invitations:*, so the profile is never seen.
        for (const text of [await failureText(harness.stack.preview()), await failureText(harness.stack.up())]) {
            expect(text).to.include("no AWS credentials were found");
            expect(text).to.include("ram-invitations:profile");
            expect(text).not.to.include("aws:profile");
        }
        expect(await suite.emulator.admin.calls()).to.deep.equal([]);
        expect(await statusOf(suite.emulator, invitationArn)).to.equal("PENDING");

        // What the message says to do.
        await harness.stack.removeConfig("aws:profile");
        await harness.stack.setConfig("ram-invitations:profile", { value: "receiving" });
        await expectRejectedAs(suite, harness, invitationArn, RECEIVER);
    });

    it("a ram-invitations:* setting that is not valid fails the preview, naming the key", async () => {
        const invitationArn = await pendingFor(suite.emulator, RECEIVER);
        const harness = await yamlStack({
            [`${project}:invitationArn`]: invitationArn,
            "ram-invitations:profile": "receiving",
            "ram-invitations:roleArn": "not-an-arn",
        });
        await writeProfiles(harness, { receiving: RECEIVER });
        await suite.emulator.admin.clearCalls();

        const badRole = await failureText(harness.stack.preview());
        expect(badRole).to.include(`ram-invitations:roleArn: roleArn "not-an-arn" is not an IAM role ARN`);

        await harness.stack.removeConfig("ram-invitations:roleArn");
        await harness.stack.setConfig("ram-invitations:rolearn", {
            value: `arn:aws:iam::${RECEIVER.accountId}:role/x`,
        });
        const unknownKey = await failureText(harness.stack.preview());
        expect(unknownKey).to.include("ram-invitations:rolearn is not a setting of the ram-invitations provider");
        expect(unknownKey).to.include("roleArn");
        expect(await suite.emulator.admin.calls()).to.deep.equal([]);
    });
});

describe("explicit providers, one per account, in a YAML program (examples/yaml-providers)", function () {
    this.timeout(10 * 60_000);
    const suite = endToEndSuite();
    const project = "ram-invitations-yaml-providers";
    /** The workloads account (RECEIVER) and the data account (OTHER), each through a role that trusts the hub. */
    const workloadsRole = `arn:aws:iam::${RECEIVER.accountId}:role/ram-invitations`;
    const dataRole = `arn:aws:iam::${OTHER.accountId}:role/ram-invitations`;
    const externalId = "data-account-external-id-7f3c9b";

    interface Invitations {
        hub: string;
        workloads: string;
        data: string;
    }

    /** Seeds the accounts, their roles (trusting the hub) and one pending invitation for each account. */
    async function seedAccounts(): Promise<Invitations> {
        await suite.emulator.admin.seed({
            accounts: [SENDER, HUB, RECEIVER, OTHER],
            roles: [
                { roleArn: workloadsRole, trustedPrincipals: [HUB.accountId] },
                { roleArn: dataRole, trustedPrincipals: [HUB.accountId], externalId },
            ],
        });
        return {
            hub: await pendingFor(suite.emulator, HUB),
            workloads: await pendingFor(suite.emulator, RECEIVER),
            data: await pendingFor(suite.emulator, OTHER, "eu-west-1"),
        };
    }

    /**
     * The example with its settings as a user writes them in Pulumi.<stack>.yaml (after the encryption
     * salt the stack got when it was created), the external id set with `pulumi config set --secret`,
     * and only the hub's profile for credentials.
     */
    async function providersStack(invitations: Invitations, allowedAccountIds: string[]): Promise<PulumiHarness> {
        const harness = await suite.stack({
            copy: exampleCopy("yaml-providers", ["Pulumi.yaml"]),
            env: endpointsOnly(suite.emulator.endpoint),
        });
        await writeProfiles(harness, { pipeline: HUB });
        const settings = {
            profile: "pipeline",
            allowedAccountIds: yamlList(allowedAccountIds),
            hubInvitationArn: invitations.hub,
            workloadsRoleArn: workloadsRole,
            workloadsInvitationArn: invitations.workloads,
            dataRoleArn: dataRole,
            dataInvitationArn: invitations.data,
        };
        const lines = Object.entries(settings).map(([key, value]) => `  ${project}:${key}: ${value}`);
        await appendFile(settingsFile(harness), ["config:", ...lines, ""].join("\n"));
        await harness.stack.setConfig(`${project}:dataExternalId`, { value: externalId, secret: true });
        return harness;
    }

    function settingsFile(harness: PulumiHarness): string {
        return path.join(harness.stack.workspace.workDir, "Pulumi.test.yaml");
    }

    /** Account ids as a YAML flow list, each quoted (unquoted, YAML reads a number). */
    function yamlList(ids: string[]): string {
        return `[${ids.map((id) => `"${id}"`).join(", ")}]`;
    }

    /** Sets one line of the stack's settings, as a user edits Pulumi.<stack>.yaml. */
    async function editSetting(harness: PulumiHarness, key: string, value: string): Promise<void> {
        const file = settingsFile(harness);
        const line = new RegExp(`^  ${project}:${key}: .*$`, "m");
        const text = await readFile(file, "utf8");
        expect(text).to.match(line);
        await writeFile(file, text.replace(line, `  ${project}:${key}: ${value}`));
    }

    it("each rejection acts as its provider's role; allowedAccountIds refuses another account", async () => {
        const invitations = await seedAccounts();
        await suite.emulator.admin.clearCalls();
        // The stack's list leaves out the profile's own account (the hub).
        const harness = await providersStack(invitations, [RECEIVER.accountId, OTHER.accountId]);
        const refused =
            `account ${HUB.accountId} (the credentials of profile "pipeline") is not in the provider's ` +
            `allowedAccountIds (${RECEIVER.accountId}, ${OTHER.accountId}), so nothing was sent to it`;

        const preview = await failureText(harness.stack.preview());
        expect(preview).to.include(refused);
        expect(await writeCalls(suite.emulator)).to.deep.equal([]);
        // --continue-on-error: the engine goes on with the other resources after the refused one.
        const refusal = await failureText(harness.stack.up({ continueOnError: true }));
        expect(refusal).to.include(refused);
        expect(refusal).to.match(/InvitationRejection \(hub-unwanted-share\):\n\s+error: /);
        expect(await callsBy(suite.emulator, HUB)).to.deep.equal([]);
        expect(await statusOf(suite.emulator, invitations.hub)).to.equal("PENDING");
        // The other two were applied, each as its role's account (AssumeRole with the stack's session name).
        const writes = await writeCalls(suite.emulator);
        expect(writes.map((c) => [arnOf(c), c.accountId])).to.have.deep.members([
            [invitations.workloads, RECEIVER.accountId],
            [invitations.data, OTHER.accountId],
        ]);
        const { sessions } = await suite.emulator.admin.state();
        const assumed = new Set(sessions.map((s) => `${s.roleArn} as ${s.roleSessionName}`));
        expect([...assumed]).to.have.members(
            [workloadsRole, dataRole].map((role) => `${role} as pulumi-${project}-test`),
        );

        // With the hub's account allowed, its rejection is signed with the profile's own key.
        await editSetting(harness, "allowedAccountIds", yamlList([HUB.accountId, RECEIVER.accountId, OTHER.accountId]));
        await suite.emulator.admin.clearCalls();
        const up = await harness.stack.up();
        expect(up.outputs).to.deep.include({
            hubStatus: { value: "REJECTED", secret: false },
            workloadsStatus: { value: "REJECTED", secret: false },
            dataStatus: { value: "REJECTED", secret: false },
        });
        expect((await writeCalls(suite.emulator)).map((c) => [arnOf(c), c.accountId])).to.deep.equal([
            [invitations.hub, HUB.accountId],
        ]);
        const again = await harness.stack.up();
        expect(again.summary.resourceChanges).to.deep.equal({ same: 7 }); // stack, 3 providers, 3 rejections
        expect(await writeCalls(suite.emulator)).to.have.length(1);

        await expectSecretInState(harness, invitations.data);
        for (const text of [preview, refusal, up.stdout, up.stderr, again.stdout, again.stderr]) {
            expect(text).not.to.include(externalId);
        }
    });

    /**
     * The external id is in state only encrypted: not in `pulumi stack export`, nor in any file of the
     * backend (checkpoints, history, backups); with --show-secrets, the data provider's input and output
     * hold it as a secret. `marker` (an invitation ARN) shows that the texts are the stack's.
     */
    async function expectSecretInState(harness: PulumiHarness, marker: string): Promise<void> {
        const exported = await runPulumi(harness, ["stack", "export", "--stack", harness.stack.name]);
        const backendFiles = await readAllFiles(harness.backendDir);
        expect(exported).to.include(marker);
        expect(backendFiles.filter(([, text]) => text.includes(marker))).not.to.be.empty;
        for (const [where, text] of [["pulumi stack export", exported], ...backendFiles]) {
            expect(text, where).not.to.include(externalId);
        }
        const shown = (await harness.stack.exportStack()).deployment.resources as StateResource[];
        const provider = shown.find((r) => r.urn.endsWith("::pulumi:providers:ram-invitations::data"));
        for (const properties of [provider?.inputs, provider?.outputs]) {
            expect(properties?.externalId).to.deep.equal({
                [SECRET_SIGNATURE]: SECRET_SIGNATURE_VALUE,
                plaintext: JSON.stringify(externalId),
            });
        }
    }

    it("a bad account id or external id fails the preview naming the input, the secret not shown", async () => {
        const invitations = await seedAccounts();
        const harness = await providersStack(invitations, [HUB.accountId, "12345"]);
        await suite.emulator.admin.clearCalls();

        const badId = await failureText(harness.stack.preview());
        expect(badId).to.include(`provider input allowedAccountIds [1] "12345" is not a 12-digit account id`);

        await editSetting(harness, "allowedAccountIds", yamlList([HUB.accountId]));
        const badExternalId = "not a valid id!";
        await harness.stack.setConfig(`${project}:dataExternalId`, { value: badExternalId, secret: true });
        const badSecret = await failureText(harness.stack.preview());
        expect(badSecret).to.include("provider input externalId: externalId must be 2 to 1224 of the characters");
        expect(badSecret).not.to.include(badExternalId);
        expect(await suite.emulator.admin.calls()).to.deep.equal([]);
        expect((await suite.emulator.admin.state()).sessions).to.deep.equal([]);
    });

    it("a role in an account allowedAccountIds leaves out is refused in preview, unassumed", async () => {
        const invitations = await seedAccounts();
        // A role ARN pasted from another account's settings, whose trust policy would let the hub in.
        const strayRole = `arn:aws:iam::${BYSTANDER.accountId}:role/ram-invitations`;
        await suite.emulator.admin.seed({
            accounts: [BYSTANDER],
            roles: [{ roleArn: strayRole, trustedPrincipals: [HUB.accountId] }],
        });
        const harness = await providersStack(invitations, [HUB.accountId, RECEIVER.accountId, OTHER.accountId]);
        await editSetting(harness, "workloadsRoleArn", strayRole);
        await suite.emulator.admin.clearCalls();

        const refusal = await failureText(harness.stack.preview());
        expect(refusal).to.include(
            `account ${BYSTANDER.accountId} (role ${strayRole}) is not in the provider's allowedAccountIds ` +
                `(${HUB.accountId}, ${RECEIVER.accountId}, ${OTHER.accountId}), so nothing was sent to it`,
        );
        expect(await callsBy(suite.emulator, BYSTANDER)).to.deep.equal([]);
        // Its account is read from the ARN: nothing is asked of STS as that role either.
        const { sessions } = await suite.emulator.admin.state();
        expect(sessions.map((session) => session.roleArn)).not.to.include(strayRole);
    });
});
