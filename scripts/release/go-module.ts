/**
 * The Go SDK of a release: the module in sdk/ (sdk/go.mod; sdk/go/ram-invitations is its package),
 * which Go users get by its tag `sdk/vX.Y.Z` (a module in a subfolder is tagged with the folder as a
 * prefix). The release writes the module into a module proxy folder, as proxy.golang.org would serve
 * it after the tag is pushed, so that it can be installed (GOPROXY=file://…) before it is.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";

/** The module path sdk/go.mod declares. */
export function goModulePath(sdkDir: string): string {
    const match = /^module\s+(\S+)/m.exec(readFileSync(path.join(sdkDir, "go.mod"), "utf8"));
    if (!match) {
        throw new Error(`${path.join(sdkDir, "go.mod")} declares no module`);
    }
    return match[1];
}

/** The tag Go resolves the module's `version` from. */
export function goModuleTag(version: string): string {
    return `sdk/v${version}`;
}

/** Writes the module of `staging`'s sdk/ at `version` into the proxy folder `outDir`; answers the module path. */
export function writeGoModule(repo: string, staging: string, version: string, outDir: string): string {
    const sdkDir = path.join(staging, "sdk");
    const modulePath = goModulePath(sdkDir);
    execFileSync(
        "go",
        ["run", "./go-module-zip", "-module", modulePath, "-version", `v${version}`, "-dir", sdkDir, "-out", outDir],
        { cwd: path.join(repo, "scripts", "tools"), stdio: "inherit", env: { ...process.env, GOWORK: "off" } },
    );
    return modulePath;
}
