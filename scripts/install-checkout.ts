/**
 * Installs this checkout's library as the package `pulumi-ram-invitations` under a node_modules
 * folder, exactly as `npm install` installs the published package: built, packed with `npm pack`
 * and unpacked (a copy, not a link).
 *
 * Why: Pulumi stores a dynamic resource's provider in state as a one-line `require` when its module
 * lies under node_modules, and by value (the whole implementation, in every resource, rewritten
 * with every checkpoint) when it does not. Node resolves links to their real path, so only a real
 * copy under node_modules gives the repository's own programs (the root program, the demo) the
 * state an installed package gives a user, while they still run the checkout's code.
 *
 * `npm ci` runs this for the repository's node_modules (the `prepare` script); the tests, the demo
 * and the benchmarks run it again, and it rebuilds only when the library's sources have changed.
 *
 *   npx ts-node --transpile-only scripts/install-checkout.ts [node_modules folder]
 */
import { execFileSync } from "node:child_process";
import {
    chmodSync,
    existsSync,
    mkdirSync,
    mkdtempSync,
    readFileSync,
    readlinkSync,
    renameSync,
    rmSync,
    statSync,
    symlinkSync,
    writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { filesUnder, hashFiles } from "./file-hash";
import { withInstallLock } from "./install-lock";

export const PACKAGE_NAME = "pulumi-ram-invitations";
const REPO = path.resolve(__dirname, "..");
/** What the installed copy was built from, beside it (npm ignores the file). */
const STAMP = ".checkout-sources";

/**
 * Makes `<modulesDir>/pulumi-ram-invitations` the packed build of the checkout as it is now;
 * returns the package's folder. Does nothing when it already is.
 */
export function installCheckout(modulesDir = path.join(REPO, "node_modules")): string {
    const target = path.join(modulesDir, PACKAGE_NAME);
    const sources = sourcesHash();
    if (!isCurrent(target, sources)) {
        // Test files run in several processes at once, each calling this: one build at a time (it
        // rewrites the checkout's bin/), and none when another process has just made it current.
        withInstallLock("install-checkout", () => {
            if (!isCurrent(target, sources)) {
                build(target, sources);
            }
        });
    }
    linkBins(modulesDir, target);
    return target;
}

function isCurrent(target: string, sources: string): boolean {
    return existsSync(path.join(target, STAMP)) && readFileSync(path.join(target, STAMP), "utf8") === sources;
}

function build(target: string, sources: string): void {
    const packDir = mkdtempSync(path.join(tmpdir(), "ram-invitations-pack-"));
    try {
        // A clean build: files left in bin/ by an earlier build of a since-removed module would be packed too.
        rmSync(path.join(REPO, "bin"), { recursive: true, force: true });
        execFileSync("npm", ["run", "-s", "build"], { cwd: REPO, stdio: ["ignore", "inherit", "inherit"] });
        // --ignore-scripts: packing runs `prepare`, which is what called this.
        const tarball = execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", packDir], {
            cwd: REPO,
            encoding: "utf8",
        }).trim();
        rmSync(target, { recursive: true, force: true });
        mkdirSync(target, { recursive: true });
        execFileSync("tar", ["-xzf", path.join(packDir, tarball), "-C", target, "--strip-components=1"]);
        writeFileSync(path.join(target, STAMP), sources);
    } finally {
        rmSync(packDir, { recursive: true, force: true });
    }
}

/**
 * What npm does for a package's `bin` on install: an executable file, linked from `.bin` (the
 * provider plugin's executable, which the engine looks for on PATH or in a folder Pulumi.yaml names).
 * A link that is already right is left alone, and a wrong one is replaced in one rename: another
 * process's engine may be looking the plugin up at that moment.
 */
function linkBins(modulesDir: string, target: string): void {
    const manifest = JSON.parse(readFileSync(path.join(target, "package.json"), "utf8")) as {
        bin?: Record<string, string>;
    };
    const binDir = path.join(modulesDir, ".bin");
    mkdirSync(binDir, { recursive: true });
    for (const [name, file] of Object.entries(manifest.bin ?? {})) {
        const executable = path.join(target, file);
        if ((statSync(executable).mode & 0o777) !== 0o755) {
            chmodSync(executable, 0o755);
        }
        const link = path.join(binDir, name);
        const wanted = path.relative(binDir, executable);
        if (linkTarget(link) !== wanted) {
            const staging = `${link}.${process.pid}.tmp`;
            rmSync(staging, { force: true });
            symlinkSync(wanted, staging);
            renameSync(staging, link);
        }
    }
}

function linkTarget(link: string): string | undefined {
    try {
        return readlinkSync(link);
    } catch {
        return undefined;
    }
}

/** A hash of everything the packed package is built from. */
function sourcesHash(): string {
    const provider = filesUnder(path.join(REPO, "provider"))
        .filter((f) => f.endsWith(".ts"))
        .map((f) => path.join("provider", f));
    return hashFiles(REPO, ["package.json", "tsconfig.json", "tsconfig.build.json", ...provider]);
}

if (require.main === module) {
    const target = installCheckout(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
    console.error(`install-checkout: ${path.relative(process.cwd(), target) || "."} is this checkout's build`);
}
