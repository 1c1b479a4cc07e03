/**
 * `npm run release -- --version X.Y.Z`: builds into dist/ every artifact a release publishes, from
 * the commit checked out (a clean tree), and nothing else:
 *
 *   dist/npm/pulumi-ram-invitations-X.Y.Z.tgz         the library (npm)
 *   dist/npm/pulumi-ram-invitations-sdk-X.Y.Z.tgz     the plugin's TypeScript SDK (npm)
 *   dist/python/pulumi_ram_invitations-X.Y.Z*.whl, .tar.gz   the Python SDK (PyPI)
 *   dist/go/                                          the Go SDK's module, as a module proxy serves it
 *   dist/plugins/pulumi-resource-ram-invitations-vX.Y.Z-<os>-<arch>.tar.gz   the plugin (GitHub release)
 *   dist/SHA256SUMS                                   checksums of all of the above
 *
 * Options: --out DIR (default dist), --platforms linux-amd64,darwin-arm64,... (default: every
 * platform the plugin is released for), --plugins-only (only the plugin archives: each runner of the
 * release workflow builds its own), --plugins-from DIR (take the archives built there instead).
 * .github/workflows/release.yml runs this on a `v*` tag; it runs the same way here.
 */
import { createHash } from "node:crypto";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { filesUnder } from "../file-hash";
import { differingSdkFiles, ensurePulumiBin, generateSdksOf, replaceSdk } from "../gen-sdk";
import { writeGoModule, goModuleTag } from "./go-module";
import { packLibrary, packTypeScriptSdk } from "./npm-tarballs";
import {
    buildPluginArchives,
    hostPlatform,
    PLATFORMS,
    PluginArchive,
    PluginCheck,
    takePluginArchives,
} from "./plugin-archives";
import { buildPythonDists } from "./python-dists";
import { dirtyTreeProblem, headCommit, stageSources } from "./source-tree";
import { changelogVersions, versionProblem } from "./version";

const REPO = path.resolve(__dirname, "..", "..");

interface Options {
    version: string;
    out: string;
    platforms: string[];
    pluginsOnly: boolean;
    pluginsFrom?: string;
}

/** The options, or the words that say which argument is wrong. */
export function parseArguments(args: readonly string[]): Options | string {
    const options: Partial<Options> = { out: path.join(REPO, "dist"), platforms: [...PLATFORMS], pluginsOnly: false };
    for (let i = 0; i < args.length; i++) {
        const flag = args[i];
        const value = () => {
            const next = args[++i];
            if (next === undefined || next.startsWith("--")) {
                throw new Error(`${flag} needs a value`);
            }
            return next;
        };
        try {
            if (flag === "--version") {
                options.version = value();
            } else if (flag === "--out") {
                options.out = path.resolve(value());
            } else if (flag === "--platforms") {
                options.platforms = value().split(",");
            } else if (flag === "--plugins-only") {
                options.pluginsOnly = true;
            } else if (flag === "--plugins-from") {
                options.pluginsFrom = path.resolve(value());
            } else {
                return (
                    `unknown argument ${JSON.stringify(flag)}: the options are --version X.Y.Z, --out DIR, ` +
                    "--platforms a,b, --plugins-only, --plugins-from DIR"
                );
            }
        } catch (error) {
            return (error as Error).message;
        }
    }
    if (options.version === undefined) {
        return "--version X.Y.Z is required: the version to release, e.g. npm run release -- --version 0.2.0";
    }
    const unknown = (options.platforms ?? []).filter(
        (platform) => !(PLATFORMS as readonly string[]).includes(platform),
    );
    if (unknown.length > 0) {
        return `--platforms ${unknown.join(",")}: the plugin is released for ${PLATFORMS.join(", ")}`;
    }
    if (options.pluginsOnly && options.pluginsFrom) {
        return "--plugins-only builds the archives, --plugins-from takes them from elsewhere: give one of them";
    }
    return options as Options;
}

async function release(options: Options): Promise<void> {
    const started = Date.now();
    const { version, out } = options;
    const problem =
        versionProblem(version, readFileSync(path.join(REPO, "CHANGELOG.md"), "utf8")) ?? dirtyTreeProblem(REPO);
    if (problem) {
        throw new UserError(problem);
    }
    const manifest = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as {
        version: string;
        devDependencies: Record<string, string>;
    };
    const notes: string[] = [];
    if (version !== manifest.version) {
        notes.push(`package.json says ${manifest.version}; every artifact of this build carries ${version}`);
    }
    const [newest] = changelogVersions(readFileSync(path.join(REPO, "CHANGELOG.md"), "utf8"));
    if (newest !== version) {
        notes.push(`CHANGELOG.md has no entry for ${version} (its newest is ${newest}): add one before tagging`);
    }
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const staging = mkdtempSync(path.join(tmpdir(), "release-"));
    try {
        log(`building ${version} from ${headCommit(REPO).slice(0, 12)} in ${staging}`);
        stageSources(REPO, staging, version);
        const pulumiBin = ensurePulumiBin();
        const pulumiVersion = manifest.devDependencies["@pulumi/pulumi"];

        log("the library: compiled and packed");
        const libraryTarball = packLibrary(
            staging,
            options.pluginsOnly ? path.join(staging, ".packed") : path.join(out, "npm"),
        );
        const expectedSchema = regenerateSdks(staging, version, pulumiBin, version === manifest.version);

        if (!options.pluginsOnly) {
            log("the Go SDK: its module, as a proxy serves it");
            cpSync(path.join(staging, "LICENSE"), path.join(staging, "sdk", "LICENSE"));
            writeGoModule(REPO, staging, version, path.join(out, "go"));
            log("the Python SDK: wheel and sdist");
            buildPythonDists(REPO, staging, path.join(out, "python"));
            log("the TypeScript SDK: compiled and packed");
            packTypeScriptSdk(staging, path.join(out, "npm"));
        }
        const plugins = options.pluginsFrom
            ? await takePluginArchives({
                  fromDir: options.pluginsFrom,
                  version,
                  platforms: options.platforms,
                  expectedSchema,
                  pulumiBinDir: pulumiBin,
                  outDir: path.join(out, "plugins"),
              })
            : await buildPluginArchives({
                  libraryTarball,
                  pulumiVersion,
                  version,
                  platforms: options.platforms,
                  expectedSchema,
                  pulumiBinDir: pulumiBin,
                  licenseFile: path.join(staging, "LICENSE"),
                  outDir: path.join(out, "plugins"),
              });
        if (!options.pluginsOnly) {
            writeChecksums(out);
        }
        summarize(out, version, plugins, notes, options.pluginsOnly, Date.now() - started);
    } finally {
        rmSync(staging, { recursive: true, force: true });
    }
}

/**
 * Generates the schema and SDKs from the staged plugin, carrying `version`, in place of the committed
 * ones; answers the schema. For a release of package.json's own version they must be the committed
 * sdk/ exactly (a stale sdk/ would publish SDKs other than the ones tested).
 */
function regenerateSdks(staging: string, version: string, pulumiBin: string, mustMatchCommitted: boolean): unknown {
    const plugin = path.join(staging, "bin", "provider", "plugin", "main.js");
    chmodSync(plugin, 0o755);
    const fresh = mkdtempSync(path.join(tmpdir(), "release-sdk-"));
    try {
        generateSdksOf(plugin, version, fresh, pulumiBin);
        const sdkDir = path.join(staging, "sdk");
        const differ = mustMatchCommitted ? differingSdkFiles(fresh, sdkDir) : [];
        if (differ.length > 0) {
            throw new UserError(
                `sdk/ is stale (${differ.slice(0, 5).join(", ")}): run npm run gen-sdk, commit, and release again`,
            );
        }
        replaceSdk(fresh, sdkDir);
        return JSON.parse(readFileSync(path.join(sdkDir, "schema.json"), "utf8"));
    } finally {
        rmSync(fresh, { recursive: true, force: true });
    }
}

function writeChecksums(out: string): void {
    const lines = filesUnder(out).map(
        (file) =>
            `${createHash("sha256")
                .update(readFileSync(path.join(out, file)))
                .digest("hex")}  ${file}`,
    );
    writeFileSync(path.join(out, "SHA256SUMS"), `${lines.join("\n")}\n`);
}

function summarize(
    out: string,
    version: string,
    plugins: { archives: PluginArchive[]; check: PluginCheck | undefined },
    notes: string[],
    pluginsOnly: boolean,
    elapsedMs: number,
): void {
    const shown = filesUnder(out).filter((file) => !file.startsWith("go/") || file.endsWith(".zip"));
    console.log(
        `release ${version}: ${path.relative(process.cwd(), out) || "."}/ (${(elapsedMs / 1000).toFixed(0)} s)`,
    );
    for (const file of shown) {
        console.log(`  ${megabytes(statSync(path.join(out, file)).size).padStart(9)}  ${file}`);
    }
    if (plugins.check) {
        console.log(
            `  plugin (${hostPlatform()}): ${megabytes(plugins.check.unpackedBytes)} unpacked; ` +
                `cold start ${plugins.check.coldStartMs.toFixed(0)} ms to its port (median of 5); ` +
                "serves the release's schema",
        );
    }
    if (!pluginsOnly) {
        console.log(`  tags to push: v${version} (the release) and ${goModuleTag(version)} (the Go module)`);
    }
    for (const note of notes) {
        console.log(`  note: ${note}`);
    }
}

function megabytes(bytes: number): string {
    return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

function log(message: string): void {
    console.error(`release: ${message}`);
}

/** A problem the user fixes (a dirty tree, a bad version): its message alone, no stack. */
class UserError extends Error {}

if (require.main === module) {
    const parsed = parseArguments(process.argv.slice(2));
    if (typeof parsed === "string") {
        console.error(`release: ${parsed}`);
        process.exit(2);
    }
    release(parsed).catch((error: unknown) => {
        const shown = error instanceof UserError ? error.message : error instanceof Error ? error.stack : error;
        console.error(`release: ${String(shown)}`);
        process.exit(1);
    });
}
