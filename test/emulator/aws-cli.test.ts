/**
 * A second, independent client: the AWS CLI (botocore) must parse the emulator's answers and
 * errors as well as the JS SDK does. Installs `awscli` from PyPI when `aws` is missing.
 */
import { expect } from "chai";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { RunningEmulator, startEmulator } from "../../emulator";
import { BASIC_SEED, BYSTANDER, RECEIVER, REGION, SENDER } from "./helpers";

const run = promisify(execFile);

/** The command that runs the AWS CLI here: `aws`, or the module pip just installed. */
async function awsCliCommand(): Promise<string[]> {
    try {
        await run("aws", ["--version"]);
        return ["aws"];
    } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOENT") {
            throw err;
        }
    }
    await run("python3", ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "awscli"], {
        timeout: 300_000,
    });
    return ["python3", "-m", "awscli"];
}

/** The environment without any AWS setting of the machine or of other tests. */
function cleanEnvironment(): NodeJS.ProcessEnv {
    return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("AWS_")));
}

interface CliAnswer {
    json?: Record<string, unknown>;
    /** The error name from "An error occurred (Name) when calling ...", when the CLI failed. */
    error?: string;
}

describe("emulator: the AWS CLI as a second client", function () {
    this.timeout(60_000);
    let emulator: RunningEmulator;
    let cli: string[];
    let invitationArn: string;
    let bystanderInvitationArn: string;

    before(async function () {
        this.timeout(360_000); // a fresh machine installs awscli first
        cli = await awsCliCommand();
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

    async function aws(
        account: { accessKeyId: string; secretAccessKey?: string },
        ...args: string[]
    ): Promise<CliAnswer> {
        const env = {
            ...cleanEnvironment(),
            AWS_ACCESS_KEY_ID: account.accessKeyId,
            AWS_SECRET_ACCESS_KEY: account.secretAccessKey ?? "not-checked",
            AWS_DEFAULT_REGION: REGION,
            AWS_CONFIG_FILE: "/dev/null",
            AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
            AWS_MAX_ATTEMPTS: "1",
            AWS_PAGER: "",
        };
        const [command, ...prefix] = cli;
        try {
            const { stdout } = await run(
                command,
                [...prefix, "ram", ...args, "--endpoint-url", emulator.endpoint, "--output", "json"],
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
            "accept-resource-share-invitation",
            "--resource-share-invitation-arn",
            invitationArn,
        );
        expect(accepted).to.deep.equal({ error: "ResourceShareInvitationAlreadyRejectedException" });
    });

    it("accepts, and parses not-found and signature errors", async () => {
        const accepted = await aws(
            BYSTANDER,
            "accept-resource-share-invitation",
            "--resource-share-invitation-arn",
            bystanderInvitationArn,
        );
        expect(accepted.json!.resourceShareInvitation).to.deep.include({ status: "ACCEPTED" });

        const [notFound, badSignature] = await Promise.all([
            aws(
                RECEIVER,
                "reject-resource-share-invitation",
                "--resource-share-invitation-arn",
                bystanderInvitationArn,
            ),
            aws({ ...RECEIVER, secretAccessKey: "wrong" }, "get-resource-share-invitations"),
        ]);
        expect(notFound).to.deep.equal({ error: "ResourceShareInvitationArnNotFoundException" });
        expect(badSignature).to.deep.equal({ error: "InvalidSignatureException" });
    });
});
