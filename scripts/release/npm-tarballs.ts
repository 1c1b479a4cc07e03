/**
 * The two npm packages of a release, as `npm pack` writes them: the library (`pulumi-ram-invitations`,
 * the dynamic resource and the plugin's executable) and the plugin's TypeScript SDK
 * (`@pulumi-ram-invitations/sdk`). Each is compiled from the staged sources, and its package.json is
 * the published one: no development scripts (`prepare` installs the checkout's build into this
 * repository's node_modules, which means nothing to a user) and no development dependencies.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";

/** The files a packed package must hold, or the build is wrong (e.g. a plugin without its main.js). */
const LIBRARY_ENTRY_POINTS = ["bin/provider/index.js", "bin/provider/index.d.ts", "bin/provider/plugin/main.js"];
const SDK_ENTRY_POINTS = ["index.js", "index.d.ts", "package.json"];

/** Builds and packs the library staged in `staging` into `outDir`; answers the tarball's path. */
export function packLibrary(staging: string, outDir: string): string {
    rmSync(path.join(staging, "bin"), { recursive: true, force: true });
    execFileSync(path.join(staging, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json"], {
        cwd: staging,
        stdio: "inherit",
    });
    publishedManifest(path.join(staging, "package.json"));
    return pack(staging, outDir, LIBRARY_ENTRY_POINTS);
}

/** Builds and packs the TypeScript SDK generated in `staging`'s sdk/nodejs into `outDir`; answers its path. */
export function packTypeScriptSdk(staging: string, outDir: string): string {
    const sdkDir = path.join(staging, "sdk", "nodejs");
    execFileSync(path.join(staging, "node_modules", ".bin", "tsc"), ["-p", sdkDir], { stdio: "inherit" });
    // As Pulumi's provider repositories publish their SDKs: the compiled bin/ with the manifest beside it.
    const packageDir = path.join(sdkDir, "bin");
    for (const file of ["package.json", "README.md"]) {
        cpSync(path.join(sdkDir, file), path.join(packageDir, file));
    }
    cpSync(path.join(staging, "LICENSE"), path.join(packageDir, "LICENSE"));
    publishedManifest(path.join(packageDir, "package.json"));
    return pack(packageDir, outDir, SDK_ENTRY_POINTS);
}

function publishedManifest(file: string): void {
    const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    delete manifest.scripts;
    delete manifest.devDependencies;
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

function pack(packageDir: string, outDir: string, required: string[]): string {
    mkdirSync(outDir, { recursive: true });
    const name = execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", outDir], {
        cwd: packageDir,
        encoding: "utf8",
    })
        .trim()
        .split("\n")
        .pop() as string;
    const tarball = path.join(outDir, name);
    const listed = new Set(
        execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
            .split("\n")
            .map((entry) => entry.replace(/^package\//, "")),
    );
    const missing = required.filter((file) => !listed.has(file));
    if (missing.length > 0) {
        throw new Error(`${name} lacks ${missing.join(", ")}: the build did not produce them; nothing is released`);
    }
    return tarball;
}
