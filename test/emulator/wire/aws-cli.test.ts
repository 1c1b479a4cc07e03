/**
 * A second, independent client: the AWS CLI (botocore) must parse the emulator's answers and
 * errors as well as the JS SDK does. The CLI runs from a virtual environment of its own under
 * `.tools/awscli-venv` (git-ignored), made and filled with `awscli` from PyPI on first use and
 * reused after, so the test needs no AWS CLI on the machine and never installs into the
 * machine's Python (which PEP 668 systems refuse).
 */
import { expect } from "chai";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { awsVariableNames, RunningEmulator, startEmulator } from "../../../emulator";
import {
    BASIC_SEED,
    BYSTANDER,
    HUB,
    ORG,
    ORGANIZATION_SEED,
    OTHER,
    RECEIVER,
    REGION,
    SENDER,
    TestCredentials,
} from "../helpers";

const run = promisify(execFile);

const VENV = resolve(__dirname, "../../../.tools/awscli-venv");
const VENV_AWS = join(VENV, "bin", "aws");

/** The AWS CLI in {@link VENV}; makes the environment and installs the CLI there when it is not yet there. */
async function awsCli(): Promise<string> {
    if (!existsSync(VENV_AWS)) {
        // `python3 -m venv` leaves an environment that is already there alone, so a failed install is tried again.
        await run("python3", ["-m", "venv", VENV], { timeout: 120_000 });
        await run(
            join(VENV, "bin", "python"),
            ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "awscli"],
            { timeout: 300_000 },
        );
    }
    return VENV_AWS;
}

/** The environment without any AWS setting of the machine or of other tests. */
function cleanEnvironment(): NodeJS.ProcessEnv {
    const environment = { ...process.env };
    for (const name of awsVariableNames()) {
        delete environment[name];
    }
    return environment;
}

interface CliAnswer {
    json?: Record<string, unknown>;
    /** The error name from "An error occurred (Name) when calling ...", when the CLI failed. */
    error?: string;
}

describe("emulator: the AWS CLI as a second client", function () {
    this.timeout(60_000);
    let emulator: RunningEmulator;
    let cli: string;
    let invitationArn: string;
    let bystanderInvitationArn: string;

    before(async function () {
        this.timeout(480_000); // the first run makes the virtual environment and installs awscli
        cli = await awsCli();
        emulator = await startEmulator({ seed: BASIC_SEED });
        const state = await emulator.admin.state();
        invitationArn = state.invitations.find(
            (i) => i.receiverAccountId === RECEIVER.accountId,
        )!.resourceShareInvitationArn;
        bystanderInvitationArn = state.invitations.find(
            (i) => i.receiverAccountId === BYSTANDER.accountId,
        )!.resourceShareInvitationArn;
    });

    after(() => emulator?.stop());

    /** Runs `aws <service> <args...>` against the emulator with `credentials`. */
    async function aws(
        credentials: TestCredentials,
        service: "ram" | "sts" | "organizations",
        ...args: string[]
    ): Promise<CliAnswer> {
        const env = {
            ...cleanEnvironment(),
            AWS_ACCESS_KEY_ID: credentials.accessKeyId,
            AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey ?? "not-checked",
            ...(credentials.sessionToken !== undefined && { AWS_SESSION_TOKEN: credentials.sessionToken }),
            AWS_DEFAULT_REGION: REGION,
            AWS_CONFIG_FILE: "/dev/null",
            AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
            AWS_MAX_ATTEMPTS: "1",
            AWS_PAGER: "",
        };
        try {
            const { stdout } = await run(
                cli,
                [service, ...args, "--endpoint-url", emulator.endpoint, "--output", "json"],
                { env },
            );
            return { json: JSON.parse(stdout) as Record<string, unknown> };
        } catch (err) {
            const stderr = String((err as { stderr?: string }).stderr);
            const name = /An error occurred \((\w+)\)/.exec(stderr)?.[1];
            if (!name) {
                throw err;
            }
            return { error: name };
        }
    }

    it("parses invitations from get-resource-share-invitations", async () => {
        const { json } = await aws(
            RECEIVER,
            "ram",
            "get-resource-share-invitations",
            "--resource-share-invitation-arns",
            invitationArn,
        );
        const invitations = json!.resourceShareInvitations as Record<string, unknown>[];
        expect(invitations).to.have.length(1);
        expect(invitations[0]).to.deep.include({
            resourceShareInvitationArn: invitationArn,
            resourceShareName: "subnets",
            senderAccountId: SENDER.accountId,
            receiverAccountId: RECEIVER.accountId,
            status: "PENDING",
        });
    });

    it("rejects with a client token, then parses the already-rejected error of accept", async () => {
        const rejected = await aws(
            RECEIVER,
            "ram",
            "reject-resource-share-invitation",
            "--resource-share-invitation-arn",
            invitationArn,
            "--client-token",
            "cli-token",
        );
        expect(rejected.json).to.deep.include({ clientToken: "cli-token" });
        expect(rejected.json!.resourceShareInvitation).to.deep.include({ status: "REJECTED" });

        const accepted = await aws(
            RECEIVER,
            "ram",
            "accept-resource-share-invitation",
            "--resource-share-invitation-arn",
            invitationArn,
        );
        expect(accepted).to.deep.equal({ error: "ResourceShareInvitationAlreadyRejectedException" });
    });

    it("accepts, and parses not-found and signature errors", async () => {
        const accepted = await aws(
            BYSTANDER,
            "ram",
            "accept-resource-share-invitation",
            "--resource-share-invitation-arn",
            bystanderInvitationArn,
        );
        expect(accepted.json!.resourceShareInvitation).to.deep.include({ status: "ACCEPTED" });

        const [notFound, badSignature] = await Promise.all([
            aws(
                RECEIVER,
                "ram",
                "reject-resource-share-invitation",
                "--resource-share-invitation-arn",
                bystanderInvitationArn,
            ),
            aws({ ...RECEIVER, secretAccessKey: "wrong" }, "ram", "get-resource-share-invitations"),
        ]);
        expect(notFound).to.deep.equal({ error: "ResourceShareInvitationArnNotFoundException" });
        expect(badSignature).to.deep.equal({ error: "InvalidSignatureException" });
    });

    // The hub assumes the receiver's role with the CLI, then lists the receiver's invitations
    // with the temporary credentials (AWS_SESSION_TOKEN included).
    it("assumes a role and acts as its account", async () => {
        const roleArn = `arn:aws:iam::${RECEIVER.accountId}:role/cli-role`;
        await emulator.admin.seed({
            accounts: [HUB],
            roles: [{ roleArn, trustedPrincipals: [HUB.accountId], externalId: "cli-external-id" }],
        });
        const assumeArgs = ["assume-role", "--role-arn", roleArn, "--role-session-name", "cli"];
        const { json } = await aws(HUB, "sts", ...assumeArgs, "--external-id", "cli-external-id");
        const issued = json!.Credentials as Record<string, string>;
        const assumedRoleArn = `arn:aws:sts::${RECEIVER.accountId}:assumed-role/cli-role/cli`;
        expect(json!.AssumedRoleUser).to.deep.include({ Arn: assumedRoleArn });
        const credentials = {
            accessKeyId: issued.AccessKeyId,
            secretAccessKey: issued.SecretAccessKey,
            sessionToken: issued.SessionToken,
        };

        const [listed, identity, denied] = await Promise.all([
            aws(credentials, "ram", "get-resource-share-invitations"),
            aws(credentials, "sts", "get-caller-identity"),
            aws(HUB, "sts", ...assumeArgs),
        ]);
        const invitations = listed.json!.resourceShareInvitations as Record<string, unknown>[];
        expect(invitations.map((i) => i.resourceShareInvitationArn)).to.deep.equal([invitationArn]);
        expect(identity.json).to.deep.include({ Account: RECEIVER.accountId, Arn: assumedRoleArn });
        expect(denied).to.deep.equal({ error: "AccessDenied" }); // no external id
    });

    // botocore speaks awsJson1_1 to Organizations and follows every NextToken itself: with pages of
    // one, the listings below take a page per item.
    it("lists accounts and OUs of a parent through pages of one, and parses Organizations' errors", async () => {
        await emulator.admin.seed({ ...ORGANIZATION_SEED, pageSize: 1 });
        await emulator.admin.clearCalls();
        const [accounts, units, inProd, denied, outside, notFound] = await Promise.all([
            aws(SENDER, "organizations", "list-accounts"),
            aws(SENDER, "organizations", "list-organizational-units-for-parent", "--parent-id", ORG.prodOu),
            aws(SENDER, "organizations", "list-accounts-for-parent", "--parent-id", ORG.prodOu),
            aws(RECEIVER, "organizations", "list-accounts"),
            aws(OTHER, "organizations", "describe-organization"),
            aws(SENDER, "organizations", "list-accounts-for-parent", "--parent-id", "r-zz99"),
        ]);
        const listed = accounts.json!.Accounts as Record<string, unknown>[];
        expect(listed.map((a) => a.Id)).to.have.members([
            SENDER.accountId,
            RECEIVER.accountId,
            BYSTANDER.accountId,
            ORG.memberOnly,
        ]);
        expect(listed.find((a) => a.Id === ORG.memberOnly)).to.deep.include({
            Status: "SUSPENDED",
            State: "SUSPENDED",
        });
        // awsJson1_1 timestamps are epoch seconds; the CLI (its default timestamp format) shows them as sent.
        expect(listed[0].JoinedTimestamp).to.be.closeTo(Date.now() / 1000, 3600);
        expect((units.json!.OrganizationalUnits as Record<string, unknown>[]).map((ou) => ou.Id)).to.deep.equal([
            ORG.teamOu,
        ]);
        expect((inProd.json!.Accounts as Record<string, unknown>[]).map((a) => a.Id)).to.deep.equal([
            RECEIVER.accountId,
        ]);
        expect(denied).to.deep.equal({ error: "AccessDeniedException" });
        expect(outside).to.deep.equal({ error: "AWSOrganizationsNotInUseException" });
        expect(notFound).to.deep.equal({ error: "ParentNotFoundException" });
        const pages = await emulator.admin.calls({ operation: "ListAccounts", accountId: SENDER.accountId });
        expect(pages.map((c) => c.nextTokenGiven)).to.deep.equal([false, true, true, true]);
    });
});
