import { cp, mkdir, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { installCheckout, PACKAGE_NAME } from "../install-checkout";
import { installTypeScriptSdk } from "../install-sdk";
import type { ProjectCopy } from "../pulumi-harness";
import { rootProjectCopy } from "../root-project";

const REPO = path.resolve(__dirname, "../..");

/** A throw-away project that uses this library as a user does: packed, and installed under node_modules. */
export interface InstalledProject {
    /** The root program (examples/stack-config), importing "pulumi-ram-invitations" from the project's node_modules. */
    program: string;
    /** The benchmark's rejection program (rejections-program.ts), in the same project. */
    rejectionsProgram: string;
    /** The plugin's rejection program (plugin-rejections-program.ts), through the generated SDK. */
    pluginRejectionsProgram: string;
    /** The folder of the installed package's plugin executable (node_modules/.bin), to put on PATH. */
    pluginDir: string;
    /** The shaped baseline (shaped-baseline-program.ts), in the same project, its provider under node_modules. */
    shapedBaselineProgram: string;
    /** The same project with the repository's Pulumi.yaml, to run as a user runs it (see PulumiHarnessOptions.copy). */
    copy: ProjectCopy;
    dispose(): Promise<void>;
}

/**
 * Installs the shaped baseline's resource and provider (shaped-baseline/) at paths of the lengths
 * of the library's own, so that the state Pulumi keeps for them is as long as the library's.
 */
async function installShapedBaseline(folder: string): Promise<void> {
    const files: [string, string][] = [
        ["resource.js", "provider/dynamic/invitation-rejection.js"],
        ["resource.d.ts", "provider/dynamic/invitation-rejection.d.ts"],
        ["provider.js", "bin/provider/serializable-provider.js"],
    ];
    for (const [source, target] of files) {
        await mkdir(path.dirname(path.join(folder, target)), { recursive: true });
        await cp(path.join(__dirname, "shaped-baseline", source), path.join(folder, target));
    }
}

/**
 * Packs the library and unpacks it into the node_modules of a temporary project (its other
 * dependencies link to the repository's), beside a copy of the repository's own project files.
 * Pulumi serializes a module found under node_modules as a `require` of it, and one found elsewhere
 * by value: every benchmark measures the provider as users get it.
 */
export async function installPackedLibrary(): Promise<InstalledProject> {
    const folder = await mkdtemp(path.join(tmpdir(), "ram-invitations-installed-"));
    try {
        const modules = path.join(folder, "node_modules");
        await mkdir(modules);
        installCheckout(modules);
        installTypeScriptSdk(); // the repository's node_modules, linked below
        for (const entry of await readdir(path.join(REPO, "node_modules"))) {
            if (entry !== ".bin" && entry !== PACKAGE_NAME) {
                await symlink(path.join(REPO, "node_modules", entry), path.join(modules, entry));
            }
        }
        const { paths } = rootProjectCopy();
        for (const entry of paths) {
            await cp(path.join(REPO, entry), path.join(folder, entry), { recursive: true });
        }
        const rejectionsProgram = path.join(folder, "bench", "index.ts");
        await mkdir(path.dirname(rejectionsProgram));
        await cp(path.join(__dirname, "rejections-program.ts"), rejectionsProgram);
        const pluginRejectionsProgram = path.join(folder, "plugin-bench", "index.ts");
        await mkdir(path.dirname(pluginRejectionsProgram));
        await cp(path.join(__dirname, "plugin-rejections-program.ts"), pluginRejectionsProgram);
        const shapedBaselineProgram = path.join(folder, "shape", "index.ts");
        await mkdir(path.dirname(shapedBaselineProgram));
        await cp(path.join(__dirname, "shaped-baseline-program.ts"), shapedBaselineProgram);
        await installShapedBaseline(path.join(modules, "ram-invitations-shaped"));
        return {
            program: path.join(folder, "examples", "stack-config", "index.ts"),
            rejectionsProgram,
            pluginRejectionsProgram,
            pluginDir: path.join(modules, ".bin"),
            shapedBaselineProgram,
            copy: { root: folder, paths },
            dispose: () => rm(folder, { recursive: true, force: true }),
        };
    } catch (error) {
        await rm(folder, { recursive: true, force: true });
        throw error;
    }
}
