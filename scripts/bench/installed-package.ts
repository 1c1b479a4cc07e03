import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "../..");

/** A throw-away project that uses this library as a user does: packed, and installed under node_modules. */
export interface InstalledProject {
    /** The root program (examples/stack-config), importing "pulumi-ram-invitations". */
    program: string;
    dispose(): Promise<void>;
}

/**
 * Builds and packs the library, and unpacks it into the node_modules of a temporary project
 * whose other dependencies link to the repository's. Pulumi serializes a module found under
 * node_modules as a `require` of it, and one found elsewhere by value; a benchmark of the
 * repository's own program would therefore measure a provider text (and state) many times
 * larger than any user's.
 */
export async function installPackedLibrary(): Promise<InstalledProject> {
    const folder = await mkdtemp(path.join(tmpdir(), "ram-invitations-installed-"));
    try {
        // A clean build: files left in bin/ by an earlier build of a since-removed module would be packed too.
        await rm(path.join(REPO, "bin"), { recursive: true, force: true });
        execFileSync("npm", ["run", "-s", "build"], { cwd: REPO, stdio: "inherit" });
        const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", folder], {
            cwd: REPO,
            encoding: "utf8",
        }).trim();
        const modules = path.join(folder, "node_modules");
        await mkdir(path.join(modules, "pulumi-ram-invitations"), { recursive: true });
        execFileSync("tar", [
            "-xzf",
            path.join(folder, tarball),
            "-C",
            path.join(modules, "pulumi-ram-invitations"),
            "--strip-components=1",
        ]);
        for (const entry of await readdir(path.join(REPO, "node_modules"))) {
            if (entry !== ".bin" && entry !== "pulumi-ram-invitations") {
                await symlink(path.join(REPO, "node_modules", entry), path.join(modules, entry));
            }
        }
        const program = path.join(folder, "index.ts");
        const source = await readFile(path.join(REPO, "examples", "stack-config", "index.ts"), "utf8");
        const installedSource = source.replaceAll('"../../provider"', '"pulumi-ram-invitations"');
        if (installedSource === source) {
            // Otherwise the benchmark would silently measure the repository's own (by-value) provider.
            throw new Error(
                'examples/stack-config/index.ts no longer imports "../../provider"; update installed-package.ts',
            );
        }
        await writeFile(program, installedSource);
        return { program, dispose: () => rm(folder, { recursive: true, force: true }) };
    } catch (error) {
        await rm(folder, { recursive: true, force: true });
        throw error;
    }
}
