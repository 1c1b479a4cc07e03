/**
 * The Python SDK of a release as PyPI takes it: a wheel and an sdist, built by `python -m build`
 * (PyPA's front end, in an isolated environment with the build backend pyproject.toml names) from
 * the generated sdk/python.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pythonSdkSourceTree } from "../install-python-sdk";

/** Where `build` is installed: once per checkout, git-ignored. */
function buildFrontEnd(repo: string): string {
    const venv = path.join(repo, ".tools", "release-python");
    const python = path.join(venv, "bin", "python");
    if (!existsSync(path.join(venv, ".build-installed"))) {
        execFileSync("python3", ["-m", "venv", venv], { stdio: "inherit" });
        execFileSync(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "build"], {
            stdio: "inherit",
        });
        execFileSync("touch", [path.join(venv, ".build-installed")]);
    }
    return python;
}

/** Builds the wheel and sdist of `staging`'s sdk/python into `outDir`; answers their paths. */
export function buildPythonDists(repo: string, staging: string, outDir: string): string[] {
    const python = buildFrontEnd(repo);
    const project = mkdtempSync(path.join(tmpdir(), "release-python-"));
    try {
        pythonSdkSourceTree(path.join(staging, "sdk", "python"), project, path.join(staging, "LICENSE"));
        execFileSync(python, ["-m", "build", "--sdist", "--wheel", "--outdir", outDir, project], {
            stdio: ["ignore", "ignore", "inherit"],
        });
    } finally {
        rmSync(project, { recursive: true, force: true });
    }
    const dists = readdirSync(outDir).map((file) => path.join(outDir, file));
    if (!dists.some((file) => file.endsWith(".whl")) || !dists.some((file) => file.endsWith(".tar.gz"))) {
        throw new Error(`python -m build wrote ${dists.join(", ") || "nothing"}, not a wheel and an sdist`);
    }
    return dists;
}
