/**
 * The plugin archives of a release, named as the engine downloads them
 * (pulumi-resource-ram-invitations-vX.Y.Z-<os>-<arch>.tar.gz) and laid out as it unpacks them into
 * ~/.pulumi/plugins/resource-ram-invitations-vX.Y.Z/: the executable `pulumi-resource-ram-invitations`
 * at the root, a launcher that runs the plugin with the Node.js on PATH (20 or later), and the plugin
 * as one JavaScript file, bundled by esbuild from the released library and its production
 * dependencies (the licenses of what it bundles beside it). Each archive is unpacked, started and
 * asked for its schema before it is kept: an archive whose plugin does not serve the release's schema
 * is never written.
 *
 * Why a bundle and not a single executable: Node's single-executable applications work with the
 * plugin (one file, a faster start), but the archive then carries a whole Node.js binary (about 33 MB
 * compressed, against 1.4 MB), must be built and signed on each platform, and fixes the Node.js
 * version for the user; the bundle is the same for every platform.
 */
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { isDeepStrictEqual } from "node:util";
import * as esbuild from "esbuild";
import { filesUnder } from "../file-hash";

export const PLUGIN_EXECUTABLE = "pulumi-resource-ram-invitations";

/** The platforms the plugin is released for, in Pulumi's names. The plugin is JavaScript: one build serves all. */
export const PLATFORMS = ["linux-amd64", "linux-arm64", "darwin-amd64", "darwin-arm64"] as const;

/** The launcher: POSIX sh, as on every platform above. */
const LAUNCHER = `#!/bin/sh
# The ram-invitations provider plugin: plugin.js beside this file, run by Node.js 20 or later.
if ! command -v node >/dev/null 2>&1; then
  echo "pulumi-resource-ram-invitations: Node.js 20 or later must be on PATH to run this plugin (https://nodejs.org)" >&2
  exit 1
fi
exec node "$(dirname "$0")/plugin.js" "$@"
`;

/** Pulumi's name for this machine's platform: linux-amd64, darwin-arm64, ... */
export function hostPlatform(): string {
    const arch = { x64: "amd64", arm64: "arm64" }[process.arch as string] ?? process.arch;
    return `${process.platform}-${arch}`;
}

export function archiveName(version: string, platform: string): string {
    return `${PLUGIN_EXECUTABLE}-v${version}-${platform}.tar.gz`;
}

export interface PluginArchive {
    file: string;
    platform: string;
    bytes: number;
}

export interface PluginCheck {
    /** Median milliseconds from starting the unpacked plugin to its port on stdout. */
    coldStartMs: number;
    unpackedBytes: number;
}

/**
 * Assembles the plugin from the packed library (`libraryTarball`) and the @pulumi/pulumi version it
 * runs on, checks it serves `expectedSchema`, and writes one archive per platform into `outDir`.
 */
export async function buildPluginArchives(options: {
    libraryTarball: string;
    pulumiVersion: string;
    version: string;
    platforms: readonly string[];
    expectedSchema: unknown;
    pulumiBinDir: string;
    licenseFile: string;
    outDir: string;
}): Promise<{ archives: PluginArchive[]; check: PluginCheck }> {
    const staging = mkdtempSync(path.join(tmpdir(), "release-plugin-"));
    try {
        const tree = path.join(staging, "tree");
        installReleasedLibrary(tree, options.libraryTarball, options.pulumiVersion);
        const root = path.join(staging, "root");
        await bundlePlugin(tree, options.version, path.join(root, "plugin.js"));
        cpSync(options.licenseFile, path.join(root, "LICENSE"));
        writeFileSync(path.join(root, PLUGIN_EXECUTABLE), LAUNCHER);
        chmodSync(path.join(root, PLUGIN_EXECUTABLE), 0o755);
        mkdirSync(options.outDir, { recursive: true });
        const archives: PluginArchive[] = [];
        for (const platform of options.platforms) {
            const file = path.join(options.outDir, archiveName(options.version, platform));
            execFileSync("tar", ["-czf", file, "-C", root, "."]);
            archives.push({ file, platform, bytes: statSync(file).size });
        }
        const check = await checkArchive(archives[0].file, options.expectedSchema, options.pulumiBinDir);
        return { archives, check };
    } catch (error) {
        for (const platform of options.platforms) {
            rmSync(path.join(options.outDir, archiveName(options.version, platform)), { force: true });
        }
        throw error;
    } finally {
        rmSync(staging, { recursive: true, force: true });
    }
}

/** The released library with its production dependencies, as `npm install` gives a user: what the bundle is made of. */
function installReleasedLibrary(tree: string, libraryTarball: string, pulumiVersion: string): void {
    mkdirSync(tree, { recursive: true });
    writeFileSync(
        path.join(tree, "package.json"),
        JSON.stringify({
            private: true,
            dependencies: {
                "pulumi-ram-invitations": `file:${libraryTarball}`,
                // The SDK the plugin is tested on, exactly (the library's peer range is wider).
                "@pulumi/pulumi": pulumiVersion,
            },
        }),
    );
    execFileSync("npm", ["install", "--omit=dev", "--no-fund", "--no-audit", "--ignore-scripts"], {
        cwd: tree,
        stdio: ["ignore", "ignore", "inherit"],
    });
}

/** Bundles the installed plugin (`tree`) into the one file `outfile`. */
async function bundlePlugin(tree: string, version: string, outfile: string): Promise<void> {
    const sdkFolder = path.join(tree, "node_modules", "@pulumi", "pulumi");
    await esbuild.build({
        entryPoints: [
            path.join(tree, "node_modules", "pulumi-ram-invitations", "bin", "provider", "plugin", "main.js"),
        ],
        outfile,
        bundle: true,
        platform: "node",
        target: "node20",
        format: "cjs",
        // The version main.ts otherwise reads from the package.json the bundle has not.
        define: { RELEASED_PLUGIN_VERSION: JSON.stringify(version) },
        legalComments: "external",
        // Errors are told apart by the names of the SDK's exception classes (provider/ram/errors.ts,
        // provider/organizations/errors.ts); RAM and Organizations both export some (e.g.
        // ServiceUnavailableException), which a bundle would otherwise rename apart.
        keepNames: true,
        logLevel: "error",
        plugins: [
            {
                name: "ram-invitations-plugin",
                setup(build) {
                    // grpc.ts finds the SDK's own @grpc/grpc-js at run time (require.resolve from the SDK's
                    // folder), which a bundler cannot follow: resolve that same copy now.
                    build.onLoad({ filter: /[\\/]plugin[\\/]server[\\/]grpc\.js$/ }, async () => {
                        const grpc = await build.resolve("@grpc/grpc-js", {
                            resolveDir: sdkFolder,
                            kind: "require-call",
                        });
                        return { contents: `exports.grpc = require(${JSON.stringify(grpc.path)});`, loader: "js" };
                    });
                    // Modules the SDK loads for what the plugin never does (TypeScript for serializing
                    // functions; supports-color, which `debug` tries in a try): empty in the bundle.
                    build.onResolve({ filter: /^(typescript|supports-color)$/ }, (args) => ({
                        path: args.path,
                        namespace: "unused",
                    }));
                    build.onLoad({ filter: /.*/, namespace: "unused" }, () => ({ contents: "module.exports = {};" }));
                },
            },
        ],
    });
}

/** Unpacks `archive` as the engine does, asks its plugin for its schema, and times its start. */
export async function checkArchive(
    archive: string,
    expectedSchema: unknown,
    pulumiBinDir: string,
): Promise<PluginCheck> {
    const unpacked = mkdtempSync(path.join(tmpdir(), "release-plugin-check-"));
    const home = mkdtempSync(path.join(tmpdir(), "release-plugin-home-"));
    try {
        execFileSync("tar", ["-xzf", archive, "-C", unpacked]);
        const executable = path.join(unpacked, PLUGIN_EXECUTABLE);
        const schema = execFileSync(path.join(pulumiBinDir, "pulumi"), ["package", "get-schema", executable], {
            encoding: "utf8",
            env: { ...process.env, PULUMI_HOME: home, PULUMI_SKIP_UPDATE_CHECK: "true" },
            maxBuffer: 64 << 20,
        });
        if (!isDeepStrictEqual(JSON.parse(schema), expectedSchema)) {
            throw new Error(
                `the plugin in ${path.basename(archive)} serves a schema other than the release's sdk/schema.json; ` +
                    "nothing is released",
            );
        }
        const times: number[] = [];
        for (let run = 0; run < 5; run++) {
            times.push(await timeToPort(executable));
        }
        times.sort((a, b) => a - b);
        const unpackedBytes = filesUnder(unpacked).reduce(
            (sum, file) => sum + statSync(path.join(unpacked, file)).size,
            0,
        );
        return { coldStartMs: times[2], unpackedBytes };
    } finally {
        rmSync(unpacked, { recursive: true, force: true });
        rmSync(home, { recursive: true, force: true });
    }
}

/** Milliseconds from spawning the plugin to the port on its stdout (given an engine address nobody serves). */
function timeToPort(executable: string): Promise<number> {
    return new Promise((resolve, reject) => {
        const started = process.hrtime.bigint();
        const child = spawn(executable, ["127.0.0.1:9"], { stdio: ["ignore", "pipe", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.stdout.once("data", () => {
            resolve(Number(process.hrtime.bigint() - started) / 1e6);
            child.kill();
        });
        child.on("error", reject);
        child.on("exit", (code) => reject(new Error(`the plugin exited (${code}) before serving: ${stderr.trim()}`)));
    });
}

/** Copies the archives of `version` for `platforms` from `fromDir` (built elsewhere: on each platform's runner). */
export async function takePluginArchives(options: {
    fromDir: string;
    version: string;
    platforms: readonly string[];
    expectedSchema: unknown;
    pulumiBinDir: string;
    outDir: string;
}): Promise<{ archives: PluginArchive[]; check: PluginCheck | undefined }> {
    mkdirSync(options.outDir, { recursive: true });
    const archives: PluginArchive[] = [];
    let check: PluginCheck | undefined;
    for (const platform of options.platforms) {
        const name = archiveName(options.version, platform);
        const source = path.join(options.fromDir, name);
        if (!existsSync(source)) {
            throw new Error(`--plugins-from ${options.fromDir} has no ${name}: build it with --plugins-only first`);
        }
        const file = path.join(options.outDir, name);
        cpSync(source, file);
        archives.push({ file, platform, bytes: statSync(file).size });
        if (platform === hostPlatform()) {
            check = await checkArchive(file, options.expectedSchema, options.pulumiBinDir);
        }
    }
    return { archives, check };
}
