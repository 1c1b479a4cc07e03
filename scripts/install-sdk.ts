/**
 * Installs the generated TypeScript SDK (sdk/nodejs) as the package `@pulumi-ram-invitations/sdk`
 * under a node_modules folder, built the way Pulumi's provider repositories publish theirs: compiled
 * with its own tsconfig.json, then `bin/` with package.json and README.md. (The schema has the SDKs
 * carry the plugin's version, which is what the SDK asks the engine for.)
 *
 * `npm ci` runs it (after install-checkout, as `prepare`); it rebuilds only when sdk/nodejs has changed.
 *
 *   npx ts-node --transpile-only scripts/install-sdk.ts [node_modules folder]
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { filesUnder, hashFiles } from "./file-hash";
import { withInstallLock } from "./install-lock";

export const SDK_PACKAGE_NAME = "@pulumi-ram-invitations/sdk";
const REPO = path.resolve(__dirname, "..");
const SOURCES = path.join(REPO, "sdk", "nodejs");
/** Inside the repository, so that the build resolves @pulumi/pulumi and @types/node from its node_modules. */
const BUILD = path.join(REPO, ".tools", "sdk-build", "nodejs");
const STAMP = ".sdk-sources";

export function installTypeScriptSdk(modulesDir = path.join(REPO, "node_modules")): string {
    const target = path.join(modulesDir, ...SDK_PACKAGE_NAME.split("/"));
    const sources = sourcesHash();
    const isCurrent = () =>
        existsSync(path.join(target, STAMP)) && readFileSync(path.join(target, STAMP), "utf8") === sources;
    if (isCurrent()) {
        return target;
    }
    // Test files run in several processes at once: one build at a time (BUILD is one folder), and
    // none when another process has just made it current.
    withInstallLock("install-sdk", () => {
        if (!isCurrent()) {
            build(target, sources);
        }
    });
    return target;
}

function build(target: string, sources: string): void {
    rmSync(BUILD, { recursive: true, force: true });
    mkdirSync(path.dirname(BUILD), { recursive: true });
    cpSync(SOURCES, BUILD, { recursive: true });
    execFileSync(path.join(REPO, "node_modules", ".bin", "tsc"), ["-p", BUILD], { stdio: "inherit" });
    rmSync(target, { recursive: true, force: true });
    cpSync(path.join(BUILD, "bin"), target, { recursive: true });
    for (const file of ["package.json", "README.md"]) {
        cpSync(path.join(BUILD, file), path.join(target, file));
    }
    writeFileSync(path.join(target, STAMP), sources);
}

function sourcesHash(): string {
    return hashFiles(SOURCES, filesUnder(SOURCES));
}

if (require.main === module) {
    const target = installTypeScriptSdk(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
    console.error(`install-sdk: ${path.relative(process.cwd(), target)} is the generated TypeScript SDK`);
}
