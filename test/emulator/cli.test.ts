import { GetResourceShareInvitationsCommand, RejectResourceShareInvitationCommand } from "@aws-sdk/client-ram";
import { expect } from "chai";
import { ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { EmulatorAdmin } from "../../emulator";
import { BASIC_SEED, ramClient, RECEIVER } from "./helpers";

const ROOT = resolve(__dirname, "../..");

interface RunningCli {
    child: ChildProcess;
    endpoint: string;
    exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
    stderr(): string;
}

/** Starts the CLI and waits for the first line of stdout, which must be the endpoint. */
function startCli(command: string, args: string[], options: { detached?: boolean } = {}): Promise<RunningCli> {
    const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], detached: options.detached });
    let stdout = "";
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
        child.on("exit", (code, signal) => done({ code, signal })),
    );
    return new Promise((done, fail) => {
        child.stdout!.on("data", (chunk: Buffer) => {
            stdout += chunk.toString();
            const newline = stdout.indexOf("\n");
            if (newline >= 0) {
                done({ child, endpoint: stdout.slice(0, newline), exited, stderr: () => stderr });
            }
        });
        void exited.then(({ code }) =>
            fail(new Error(`the CLI exited (${code}) before printing its endpoint:\n${stderr}`)),
        );
    });
}

/** The CLI as a developer runs it, minus the type check that only slows tests down. */
const startNodeCli = (args: string[]) =>
    startCli(process.execPath, ["-r", "ts-node/register/transpile-only", "emulator/cli.ts", ...args]);

describe("emulator: command line", function () {
    this.timeout(60_000);
    let directory: string;
    let seedFile: string;

    beforeEach(() => {
        directory = mkdtempSync(join(tmpdir(), "ram-emulator-"));
        seedFile = join(directory, "seed.json");
        writeFileSync(seedFile, JSON.stringify(BASIC_SEED));
    });

    afterEach(() => rmSync(directory, { recursive: true, force: true }));

    it("prints the endpoint first, serves the seed, and stops cleanly on SIGTERM and SIGINT", async () => {
        for (const signal of ["SIGTERM", "SIGINT"] as const) {
            const cli = await startNodeCli(["--port", "0", "--seed", seedFile]);
            expect(cli.endpoint).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
            const { resourceShareInvitations } = await ramClient(cli.endpoint, RECEIVER).send(
                new GetResourceShareInvitationsCommand({}),
            );
            expect(resourceShareInvitations).to.have.length(1);
            cli.child.kill(signal);
            expect(await cli.exited).to.deep.equal({ code: 0, signal: null });
            expect(cli.stderr()).to.contain(`${signal}: stopping`);
        }
    });

    it("keeps state in the state file across a restart, and does not seed twice", async () => {
        const stateFile = join(directory, "state.json");
        const args = ["--port", "0", "--seed", seedFile, "--state-file", stateFile, "--quiet"];
        const first = await startNodeCli(args);
        const invitationArn = (await new EmulatorAdmin(first.endpoint).state()).invitations[0]
            .resourceShareInvitationArn;
        const reject = (endpoint: string) =>
            ramClient(endpoint, RECEIVER).send(
                new RejectResourceShareInvitationCommand({
                    resourceShareInvitationArn: invitationArn,
                    clientToken: "before-restart",
                }),
            );
        const answer = await reject(first.endpoint);
        await new EmulatorAdmin(first.endpoint).advanceClock(3_600_000);
        first.child.kill("SIGTERM");
        await first.exited;

        const second = await startNodeCli(args);
        try {
            const admin = new EmulatorAdmin(second.endpoint);
            const state = await admin.state();
            expect(state.resourceShares).to.have.length(BASIC_SEED.resourceShares!.length);
            expect(state.invitations.find((i) => i.resourceShareInvitationArn === invitationArn)?.status).to.equal(
                "REJECTED",
            );
            expect(state.clockOffsetMs).to.equal(3_600_000);
            const again = await reject(second.endpoint);
            expect(again.resourceShareInvitation).to.deep.equal(answer.resourceShareInvitation);
            expect((await admin.calls())[0]).to.deep.include({ idempotentReplay: true, stateChanged: false });
            expect(readdirSync(directory).sort()).to.deep.equal(["seed.json", "state.json"]);
        } finally {
            second.child.kill("SIGTERM");
            await second.exited;
        }
    });

    it("refuses bad arguments with the usage line and exit code 2", async () => {
        const cli = spawn(
            process.execPath,
            ["-r", "ts-node/register/transpile-only", "emulator/cli.ts", "--port", "http"],
            {
                cwd: ROOT,
            },
        );
        let stderr = "";
        cli.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        const code = await new Promise((done) => cli.on("exit", done));
        expect(code).to.equal(2);
        expect(stderr).to.contain("--port must be an integer").and.to.contain("usage: emulator");
    });

    it("runs as `npm run -s emulator`, first line the endpoint, and stops with its process group", async () => {
        // npm's shell does not pass SIGTERM on, so the whole group is signalled, as a terminal's Ctrl-C would.
        const cli = await startCli("npm", ["run", "-s", "emulator", "--", "--port", "0"], { detached: true });
        expect(cli.endpoint).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect((await new EmulatorAdmin(cli.endpoint).state()).accounts).to.deep.equal([]);
        process.kill(-cli.child.pid!, "SIGTERM");
        await cli.exited;
        // npm may exit before the emulator in its group has closed; give that a moment.
        const deadline = Date.now() + 10_000;
        let serving = true;
        while (serving && Date.now() < deadline) {
            serving = await fetch(`${cli.endpoint}/_emulator/state`).then(
                () => true,
                () => false,
            );
            if (serving) {
                await new Promise((r) => setTimeout(r, 100));
            }
        }
        expect(serving, "the emulator still answers after SIGTERM").to.equal(false);
    });
});
