/**
 * A release installed the way users install it, in folders outside the checkout that see nothing of
 * it but the release's dist/: the npm tarballs with `npm install`, the Python wheel with `pip install`
 * into a fresh virtualenv, the Go SDK with `go get` through a file-system module proxy, and the plugin
 * downloaded by the engine itself (automatic plugin acquisition on, no plugin on PATH) from a local
 * HTTP server that stands in for the repository's GitHub releases, to which
 * PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES sends the schema's github:// URL. Two releases are built, X
 * (package.json's version) and X+1, for the upgrade.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { expect } from "chai";
import { clientEnvironment } from "../../emulator";
import { GITHUB_REPOSITORY, GO_MODULE } from "../../provider/schema/package-schema";
import { hostPlatform } from "../../scripts/release/plugin-archives";
import { OTHER, RECEIVER } from "../support/accounts";
import { endToEndSuite } from "../support/end-to-end-suite";
import { expectRejectsOnce } from "../support/expect-rejects-once";
import { codeBlocksUnder, seedInvitationsNamedIn } from "../support/readme-examples";
import { buildRelease, commitSources, ReleaseServer, runRelease, serveReleases } from "../support/release-builds";
import { arnOf, writeCalls } from "../support/rejections-in-state";

const REPO = path.resolve(__dirname, "..", "..");
const MANIFEST = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as {
    version: string;
    devDependencies: Record<string, string>;
};
const VERSION = MANIFEST.version;
const NEXT = VERSION.replace(/(\d+)$/, (patch) => String(Number(patch) + 1));
const PULUMI_PIN = MANIFEST.devDependencies["@pulumi/pulumi"];
const EXAMPLES = path.join(REPO, "examples");

describe("a release, installed as a user installs it (dist/ only; the engine downloads the plugin)", function () {
    this.timeout(15 * 60_000);
    const suite = endToEndSuite();
    let work: string;
    let sources: string;
    const dist: Record<string, string> = {};
    let server: ReleaseServer;

    before(async function () {
        this.timeout(20 * 60_000);
        work = mkdtempSync(path.join(tmpdir(), "release-test-"));
        sources = commitSources(path.join(work, "sources"));
        for (const version of [VERSION, NEXT]) {
            dist[version] = path.join(work, `dist-${version}`);
            const printed = buildRelease(sources, version, dist[version]);
            // The figures a release prints (sizes, the plugin's cold start), in the test log.
            console.log(
                printed
                    .split("\n")
                    .filter((line) => /^(release \d|\s+[\d.]+ [KM]iB|\s+(plugin|tags|note)\b)/.test(line))
                    .join("\n"),
            );
        }
        server = await serveReleases(Object.values(dist));
    });
    after(async () => {
        await server?.close();
        rmSync(work, { recursive: true, force: true });
    });

    /** What every user run has: RAM at the emulator, downloads on and pointed at the server, no ambient plugin. */
    function userEnv(): Record<string, string> {
        return {
            ...clientEnvironment(suite.emulator.endpoint, RECEIVER),
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "false",
            PULUMI_IGNORE_AMBIENT_PLUGINS: "true",
            PULUMI_DISABLE_REGISTRY_RESOLVE: "true",
            PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES: server.downloadOverride,
        };
    }
    const archive = (version: string) => `pulumi-resource-ram-invitations-v${version}-${hostPlatform()}.tar.gz`;
    const only = (version: string, file: string) => path.join(dist[version], file);
    const npmTarball = (name: string, version = VERSION) => only(version, `npm/${name}-${version}.tgz`);

    it("refuses, before building anything, a dirty tree, a non-semver version and one below the CHANGELOG", () => {
        const out = path.join(work, "refused");
        const notSemver = runRelease(sources, ["--version", "0.2", "--out", out]);
        expect(notSemver.code).to.not.equal(0);
        expect(notSemver.output).to.include('--version "0.2" is not a semantic version');
        const lower = runRelease(sources, ["--version", "0.0.1", "--out", out]);
        expect(lower.code).to.not.equal(0);
        expect(lower.output).to.include(`lower than CHANGELOG.md's newest entry, ${VERSION}`);
        writeFileSync(path.join(sources, "stray.txt"), "not committed\n");
        try {
            const dirty = runRelease(sources, ["--version", VERSION, "--out", out]);
            expect(dirty.code).to.not.equal(0);
            expect(dirty.output).to.include("the working tree is not clean (stray.txt)");
        } finally {
            rmSync(path.join(sources, "stray.txt"));
        }
        for (const result of [notSemver, lower]) {
            expect(result.output).not.to.match(/\s+at \S+ \(/); // a message, not a stack
        }
        expect(existsSync(out), "a refused release writes nothing").to.equal(false);
    });

    it("TypeScript: npm install of the two tarballs; the dynamic resource and the SDK each reject once", async () => {
        const user = path.join(work, "typescript");
        mkdirSync(user);
        cpSync(path.join(EXAMPLES, "typescript-sdk", "package.json"), path.join(user, "package.json"));
        const install = [npmTarball("pulumi-ram-invitations-sdk"), npmTarball("pulumi-ram-invitations")];
        execFileSync("npm", ["install", "--no-fund", "--no-audit", ...install, `@pulumi/pulumi@${PULUMI_PIN}`], {
            cwd: user,
            stdio: ["ignore", "ignore", "inherit"],
        });
        const modules = path.join(user, "node_modules");

        await expectRejectsOnce(suite.emulator, (invitationArn) =>
            suite.stack({
                copy: {
                    root: path.join(EXAMPLES, "typescript-sdk"),
                    paths: ["Pulumi.yaml", "index.ts", "tsconfig.json", "package.json"],
                    links: { node_modules: modules },
                },
                config: { "ram-invitations-typescript-sdk:invitationArn": { value: invitationArn } },
                env: userEnv(),
            }),
        );
        expect(server.served).to.include(archive(VERSION));

        // The README's minimal program, on the library's dynamic resource (no plugin involved).
        const minimal = path.join(work, "minimal");
        mkdirSync(minimal);
        const [program, [arn]] = await seedInvitationsNamedIn(
            suite.emulator,
            codeBlocksUnder("A minimal program", "ts")[0],
            RECEIVER,
        );
        cpSync(path.join(EXAMPLES, "typescript-sdk", "tsconfig.json"), path.join(minimal, "tsconfig.json"));
        writeFileSync(path.join(minimal, "index.ts"), program);
        writeFileSync(path.join(minimal, "Pulumi.yaml"), "name: minimal\nruntime: nodejs\n");
        await suite.emulator.admin.clearCalls();
        const harness = await suite.stack({
            copy: {
                root: minimal,
                paths: ["Pulumi.yaml", "index.ts", "tsconfig.json"],
                links: { node_modules: modules },
            },
            env: clientEnvironment(suite.emulator.endpoint, RECEIVER),
        });
        const up = await harness.stack.up();
        expect(up.outputs.status.value).to.equal("REJECTED");
        expect((await writeCalls(suite.emulator)).map(arnOf)).to.deep.equal([arn]);
        const again = await harness.stack.up();
        expect(again.summary.resourceChanges).to.deep.equal({ same: 2 });
        expect((await writeCalls(suite.emulator)).map(arnOf)).to.deep.equal([arn]);
    });

    /** A fresh virtualenv with the wheel of `version` and the pinned pulumi, as `pip install` gives a user. */
    function pythonVenv(name: string, version: string): string {
        const venv = path.join(work, name);
        execFileSync("python3", ["-m", "venv", venv]);
        const wheel = readdirSync(path.join(dist[version], "python")).find((file) => file.endsWith(".whl"));
        const pip = [
            path.join(venv, "bin", "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ];
        execFileSync(pip[0], [...pip.slice(1), `pulumi==${PULUMI_PIN}`, only(version, `python/${wheel}`)], {
            stdio: ["ignore", "ignore", "inherit"],
        });
        return venv;
    }

    const pythonStack = (venv: string, invitationArn: string) =>
        suite.stack({
            copy: {
                root: path.join(EXAMPLES, "python"),
                paths: ["Pulumi.yaml", "__main__.py", "requirements.txt"],
                links: { venv },
            },
            config: { "ram-invitations-python:invitationArn": { value: invitationArn } },
            env: userEnv(),
        });

    it("Python: pip install of the wheel; the engine downloads the plugin from the release; rejects once", async () => {
        const venv = pythonVenv("python-venv", VERSION);
        const before = server.served.length;
        await expectRejectsOnce(suite.emulator, (invitationArn) => pythonStack(venv, invitationArn));
        expect(server.served.slice(before)).to.include(archive(VERSION));
    });

    it("YAML: pulumi plugin install resource ram-invitations X --server <release>, then up rejects once", async () => {
        await expectRejectsOnce(
            suite.emulator,
            async (invitationArn) => {
                const harness = await suite.stack({
                    copy: { root: path.join(EXAMPLES, "yaml"), paths: ["Pulumi.yaml"], links: {} },
                    config: { "ram-invitations-yaml:invitationArn": { value: invitationArn } },
                    env: userEnv(),
                });
                const release = `github://api.github.com/${GITHUB_REPOSITORY}`;
                const install = ["plugin", "install", "resource", "ram-invitations", VERSION, "--server", release];
                const installed = await harness.runPulumi(install, { stack: false });
                expect(installed.code, installed.output).to.equal(0);
                return harness;
            },
            { stillPending: true },
        );
    });

    it("Go: go get of the SDK module through a file-system module proxy, then up rejects once", async () => {
        const proxy = `file://${only(VERSION, "go")}`;
        const goProxy = execFileSync("go", ["env", "GOPROXY"], { encoding: "utf8" }).trim();
        const goEnv = { GOPROXY: `${proxy},${goProxy}`, GONOSUMDB: GO_MODULE, GOFLAGS: "-mod=mod" };
        await expectRejectsOnce(suite.emulator, async (invitationArn) => {
            const harness = await suite.stack({
                copy: {
                    root: path.join(EXAMPLES, "go"),
                    paths: ["Pulumi.yaml", "main.go", "go.mod", "go.sum"],
                    links: {},
                },
                config: { "ram-invitations-go:invitationArn": { value: invitationArn } },
                env: { ...userEnv(), ...goEnv },
            });
            execFileSync("go", ["get", `${GO_MODULE}@v${VERSION}`], {
                cwd: harness.stack.workspace.workDir,
                env: { ...process.env, ...goEnv, GOWORK: "off" },
                stdio: ["ignore", "ignore", "inherit"],
            });
            return harness;
        });
    });

    it(`upgrade: a stack made with release X, the same program on release X+1: preview shows no change`, async () => {
        const venv = pythonVenv("python-upgrade", VERSION);
        const [invitationArn] = await suite.emulator.admin.seedPendingInvitations({
            sender: OTHER,
            receiver: RECEIVER,
            count: 1,
            regions: ["us-east-1"],
            namePrefix: "upgrade",
        });
        const harness = await pythonStack(venv, invitationArn);
        expect((await harness.stack.up()).outputs.status.value).to.equal("REJECTED");
        await suite.emulator.admin.clearCalls();

        const wheel = readdirSync(path.join(dist[NEXT], "python")).find((file) => file.endsWith(".whl"));
        execFileSync(path.join(venv, "bin", "python"), [
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            only(NEXT, `python/${wheel}`),
        ]);
        const served = server.served.length;
        const preview = await harness.stack.preview({ diff: true });
        expect(preview.changeSummary).to.deep.equal({ same: 2 });
        expect(server.served.slice(served), "the engine fetched the new release's plugin").to.include(archive(NEXT));
        const up = await harness.stack.up();
        expect(up.summary.resourceChanges).to.deep.equal({ same: 2 });
        expect(await writeCalls(suite.emulator)).to.deep.equal([]);
    });
});
