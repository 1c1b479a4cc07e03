/**
 * When the engine dies (`pulumi up` SIGKILLed, as when a CI runner is killed), nothing it started
 * may outlive it for more than seconds: not the provider plugin (pulumi-resource-ram-invitations, a
 * Node.js process), not the language host, not the program the host runs. Pulumi's providers and
 * hosts notice a dead engine by health-checking its address (rpcutil.Healthcheck), though only every
 * 5 minutes; the plugin checks every second, our own hosts every 2: scripts/tools/langhost, and the
 * YAML host, which is pulumi-yaml's language host under our copy of its main
 * (scripts/tools/pulumi-language-yaml/cmd/pulumi-language-yaml) with that interval.
 *
 * What makes each pass here: the hosts' health checks (built without it, our Python host is still
 * running at the deadline); the plugin's own. In the killed run the YAML host may also go another
 * way: its program's next call to the dead engine fails, it writes the error to its stderr, a pipe
 * to the dead engine, and dies of SIGPIPE (with upstream's 5-minute check, that was the only reason
 * it passed). So the YAML host is also run on its own, against a stand-in engine that is then
 * SIGKILLed, with nothing to write and its stderr going nowhere: there only its health check can
 * end it.
 *
 * Each case runs an example as written on the real CLI against the emulator, with RAM's
 * GetResourceShareInvitations slowed down so that `up` is mid-operation, the plugin waiting on a
 * request, when the test kills the CLI (the CLI only: the others must go on their own). The
 * processes of that run are the CLI's descendants, recorded before the kill (a killed process's
 * children are re-parented, so the chain is gone afterwards), and any process that names the
 * engine's address in its command line (the engine passes it to every plugin and host).
 */
import { ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { expect } from "chai";
import { clientEnvironment, RamOperationName } from "../../emulator";
import { installCheckout } from "../../scripts/install-checkout";
import { installPythonSdk } from "../../scripts/install-python-sdk";
import { ensurePulumi, type ProjectCopy, type PulumiHarness } from "../../scripts/pulumi-harness";
import { OTHER, RECEIVER } from "../support/accounts";
import { endToEndSuite } from "../support/end-to-end-suite";
import { waitUntil } from "../support/wait-until";
import {
    allProcesses,
    descendants,
    firstLine,
    listed,
    PLUGIN,
    RunProcess,
    stillRunning,
} from "../support/run-processes";
import { RequestCounter } from "./request-counter";

const REPO = path.resolve(__dirname, "..", "..");
const MODULES = path.join(REPO, "node_modules");
const LOOKUP: RamOperationName = "GetResourceShareInvitations";
const LOOKUP_PATH = "/getresourceshareinvitations";
/** How long after the kill every process of the run must be gone. */
const GRACE_MS = 10_000;
/**
 * The lookup's injected latency: longer than the kill and the grace period, so the plugin is still
 * waiting on RAM when the survivors are counted (nothing but the dead engine can have ended it).
 */
const LOOKUP_LATENCY_MS = GRACE_MS + 15_000;
/**
 * How long the YAML host, on its own, may outlive its stand-in engine: one health-check interval
 * (2 s), the failing check, and a margin.
 */
const HEALTH_GRACE_MS = 4_000;
/**
 * A stand-in engine: a gRPC server with no services, printing its port. The host's health checks
 * get "unimplemented", which rpcutil.Healthcheck counts as alive; once it is killed they fail.
 */
const STAND_IN_ENGINE = `
const grpc = require("@grpc/grpc-js");
const server = new grpc.Server();
server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) throw err;
    console.log(port);
});
`;

interface Example {
    name: string;
    project: string;
    copy: () => ProjectCopy;
}

const EXAMPLES: Example[] = [
    {
        name: "yaml",
        project: "ram-invitations-yaml",
        copy: () => ({
            root: path.join(REPO, "examples", "yaml"),
            paths: ["Pulumi.yaml"],
            links: { node_modules: MODULES },
        }),
    },
    {
        name: "python",
        project: "ram-invitations-python",
        copy: () => ({
            root: path.join(REPO, "examples", "python"),
            paths: ["Pulumi.yaml", "__main__.py", "requirements.txt"],
            // The example's virtualenv (`venv`): pulumi and the generated SDK.
            links: { node_modules: MODULES, venv: installPythonSdk() },
        }),
    },
];

describe("after the engine is SIGKILLed, what it started exits within seconds", function () {
    this.timeout(10 * 60_000);
    const suite = endToEndSuite();

    for (const example of EXAMPLES) {
        describe(`examples/${example.name}`, () => {
            let harness: PulumiHarness | undefined;
            let proxy: RequestCounter | undefined;
            /** The processes of the killed run, by role, as they were just before the kill. */
            let started: RunProcess[] = [];
            /** Those of them (or others naming the engine's address) still alive GRACE_MS after the kill. */
            let left: RunProcess[] = [];

            before(async () => {
                const { emulator } = suite;
                await emulator.admin.reset();
                const [invitationArn] = await emulator.admin.seedPendingInvitations({
                    sender: OTHER,
                    receiver: RECEIVER,
                    count: 1,
                    regions: ["us-east-1"],
                });
                proxy = await RequestCounter.start(emulator.endpoint);
                installCheckout();
                harness = await suite.stack({
                    copy: example.copy(),
                    config: { [`${example.project}:invitationArn`]: { value: invitationArn } },
                    env: clientEnvironment(proxy.endpoint, RECEIVER),
                });
                await emulator.admin.setFaults(LOOKUP, { latencyMs: LOOKUP_LATENCY_MS });

                const run = harness.spawnUp();
                const cli = run.child.pid!;
                await waitUntil(
                    "the plugin is waiting on RAM, its language host running",
                    async () => {
                        const tree = await descendants(cli);
                        return (
                            proxy!.received(LOOKUP_PATH) > 0 &&
                            tree.some((p) => p.role === "plugin") &&
                            tree.some((p) => p.role === "language host")
                        );
                    },
                    run,
                );
                started = await descendants(cli);
                const host = started.find((p) => p.role === "language host")!;
                // The engine's address: the last argument of every plugin and host it starts.
                const engine = host.argv[host.argv.length - 1];
                expect(engine, host.argv.join(" ")).to.match(/^[\w.-]+:\d+$/);

                process.kill(cli, "SIGKILL");
                await run.exited;
                await sleep(GRACE_MS);

                const alive = (await Promise.all(started.map(stillRunning))).filter((p) => p !== undefined);
                const naming = (await allProcesses()).filter((p) => p.argv.includes(engine));
                left = [...new Map([...alive, ...naming].map((p) => [p.pid, p])).values()];
            });

            after(async () => {
                // The harness kills what is left (it finds every process of its runs by a marker variable).
                await harness?.dispose();
                await suite.emulator?.admin.clearFaults();
                await proxy?.stop();
            });

            it("its language host (and the program it ran) have exited", () => {
                expect(started.filter((p) => p.role === "language host")).to.not.be.empty;
                expect(listed(left.filter((p) => p.role !== "plugin"))).to.deep.equal([]);
            });

            it(`its provider plugin (${PLUGIN}) has exited`, () => {
                expect(started.filter((p) => p.role === "plugin")).to.not.be.empty;
                expect(listed(left.filter((p) => p.role === "plugin"))).to.deep.equal([]);
            });
        });
    }

    describe("examples/yaml's language host (pulumi-language-yaml) on its own, with nothing to write", () => {
        const children: ChildProcess[] = [];
        after(() => children.forEach((child) => child.exitCode === null && child.kill("SIGKILL")));

        it(`exits by its health check within ${HEALTH_GRACE_MS / 1000} s of its engine's SIGKILL`, async () => {
            const bin = await ensurePulumi();
            const engine = spawn(process.execPath, ["-e", STAND_IN_ENGINE], {
                cwd: REPO,
                stdio: ["ignore", "pipe", "inherit"],
            });
            children.push(engine);
            const engineAddress = `127.0.0.1:${await firstLine(engine)}`;
            // No program, so no calls to the engine; stderr to /dev/null, so no write can fail.
            const host = spawn(path.join(bin, "pulumi-language-yaml"), [engineAddress], {
                stdio: ["ignore", "pipe", "ignore"],
            });
            children.push(host);
            const exited = once(host, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
            expect(await firstLine(host), "the port it serves on").to.match(/^\d+$/);
            // Past one health check with the engine alive: it must not exit for that.
            await sleep(2_500);
            expect(host.exitCode, "exit code while its engine is alive").to.equal(null);

            engine.kill("SIGKILL");
            const killedAt = Date.now();
            const outcome = await Promise.race([exited, sleep(HEALTH_GRACE_MS + 5_000).then(() => undefined)]);
            const lived = Date.now() - killedAt;
            const seconds = (lived / 1000).toFixed(1);
            expect(outcome, "still running 5 s after the deadline").to.not.equal(undefined);
            // Its own exit (the health check cancels its server), not a signal.
            expect(outcome, `exit code and signal, ${seconds} s after the engine's SIGKILL`).to.deep.equal([0, null]);
            expect(lived, `exited ${seconds} s after the engine's SIGKILL`).to.be.at.most(HEALTH_GRACE_MS);
        });
    });
});
