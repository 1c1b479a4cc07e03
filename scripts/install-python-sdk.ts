/**
 * A Python environment for the plugin's Python programs: a virtualenv under `.tools/python-venv`
 * (git-ignored) with the `pulumi` package from PyPI at the version of the `@pulumi/pulumi` dev
 * dependency (the Node.js SDK and the Python SDK of one release speak the same protocol to the
 * engine) and the generated Python SDK (sdk/python) installed as a user installs a package. Made on
 * first use; the SDK is installed again when sdk/python or the pin changes.
 *
 *   npx ts-node --transpile-only scripts/install-python-sdk.ts
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { filesUnder, hashFiles } from "./file-hash";
import { withInstallLock } from "./install-lock";

const REPO = path.resolve(__dirname, "..");
export const PYTHON_VENV = path.join(REPO, ".tools", "python-venv");
const SDK = path.join(REPO, "sdk", "python");
const STAMP = path.join(PYTHON_VENV, ".sdk-sources");

/** The pinned `pulumi` version: the npm SDK's, e.g. "3.248.0". */
function pulumiVersion(): string {
    const manifest = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as {
        devDependencies: Record<string, string>;
    };
    return manifest.devDependencies["@pulumi/pulumi"].replace(/^[^\d]*/, "");
}

function sourcesHash(pin: string): string {
    return hashFiles(SDK, filesUnder(SDK), pin + readFileSync(path.join(REPO, "LICENSE"), "utf8"));
}

/**
 * Copies the generated Python SDK (`sdkDir`, e.g. sdk/python) into `into` as a buildable project: its
 * pyproject.toml names README.md beside it, which the generator writes inside the package folder, and
 * the distribution carries the repository's LICENSE (as Pulumi's provider repositories copy both in).
 */
export function pythonSdkSourceTree(sdkDir: string, into: string, licenseFile = path.join(REPO, "LICENSE")): void {
    cpSync(sdkDir, into, { recursive: true });
    cpSync(path.join(sdkDir, "pulumi_ram_invitations", "README.md"), path.join(into, "README.md"));
    cpSync(licenseFile, path.join(into, "LICENSE"));
}

/** Makes (or brings up to date) the virtualenv; answers its folder. */
export function installPythonSdk(): string {
    const pin = pulumiVersion();
    const sources = sourcesHash(pin);
    const isCurrent = () => existsSync(STAMP) && readFileSync(STAMP, "utf8") === sources;
    if (isCurrent()) {
        return PYTHON_VENV;
    }
    // Test files run in several processes at once: one pip at a time in the virtualenv, and none
    // when another process has just made it current.
    withInstallLock("install-python-sdk", () => {
        if (!isCurrent()) {
            install(pin, sources);
        }
    });
    return PYTHON_VENV;
}

function install(pin: string, sources: string): void {
    const python = path.join(PYTHON_VENV, "bin", "python");
    if (!existsSync(python)) {
        execFileSync("python3", ["-m", "venv", PYTHON_VENV], { stdio: "inherit" });
    }
    // Built from a copy: setuptools leaves build/ and *.egg-info beside the sources it builds.
    const copy = mkdtempSync(path.join(tmpdir(), "python-sdk-"));
    try {
        pythonSdkSourceTree(SDK, copy);
        const pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"];
        execFileSync(pip[0], [...pip.slice(1), `pulumi==${pin}`, copy], { stdio: "inherit" });
        // pip keeps an installed version as it is: the SDK is installed again (as a user installs a
        // package, not editable), so that the environment has sdk/python as it is now.
        execFileSync(pip[0], [...pip.slice(1), "--force-reinstall", "--no-deps", copy], { stdio: "inherit" });
    } finally {
        rmSync(copy, { recursive: true, force: true });
    }
    writeFileSync(STAMP, sources);
}

if (require.main === module) {
    console.error(`install-python-sdk: ${path.relative(process.cwd(), installPythonSdk())} is ready`);
}
