/**
 * Releases built as `npm run release` builds them, for the tests that install them as a user does:
 * the sources as they are now (tracked and untracked files, so that a test of uncommitted work tests
 * that work) committed in a folder of their own, released from there into a `dist/` per version; and
 * an HTTP server standing in for the repository's GitHub releases, which counts what it serves.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, statSync, symlinkSync } from "node:fs";
import { createReadStream } from "node:fs";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import * as path from "node:path";
import { GITHUB_REPOSITORY } from "../../provider/schema/package-schema";

const REPO = path.resolve(__dirname, "..", "..");

/**
 * A git repository in `into` whose one commit holds the checkout's sources as they are, with the
 * checkout's node_modules and .tools linked in (ignored, as in the checkout); answers `into`.
 */
export function commitSources(into: string): string {
    const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
        cwd: REPO,
        encoding: "utf8",
    })
        .split("\0")
        .filter((file) => file !== "" && existsSync(path.join(REPO, file)));
    for (const file of files) {
        mkdirSync(path.dirname(path.join(into, file)), { recursive: true });
        cpSync(path.join(REPO, file), path.join(into, file));
    }
    const git = (...args: string[]) =>
        execFileSync("git", ["-c", "user.name=release-test", "-c", "user.email=release-test@localhost", ...args], {
            cwd: into,
            stdio: "ignore",
        });
    git("init", "--quiet");
    git("add", "--all");
    git("commit", "--quiet", "--no-verify", "-m", "the sources under test");
    for (const link of ["node_modules", ".tools"]) {
        symlinkSync(path.join(REPO, link), path.join(into, link));
    }
    appendFileSync(path.join(into, ".git", "info", "exclude"), "node_modules\n.tools\n");
    return into;
}

/** `npm run release -- <args>` in `sources`: its exit code and everything it printed. */
export function runRelease(sources: string, args: string[]): { code: number; output: string } {
    const result = spawnSync(
        path.join(REPO, "node_modules", ".bin", "ts-node"),
        ["--transpile-only", "scripts/release/main.ts", ...args],
        { cwd: sources, encoding: "utf8", maxBuffer: 64 << 20 },
    );
    return { code: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

/** Builds release `version` of `sources` into `outDir`; answers what it printed, or throws with it. */
export function buildRelease(sources: string, version: string, outDir: string): string {
    const { code, output } = runRelease(sources, ["--version", version, "--out", outDir]);
    if (code !== 0) {
        throw new Error(`npm run release -- --version ${version} failed (${code}):\n${output}`);
    }
    return output;
}

export interface ReleaseServer {
    /** The value of PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES that sends the schema's github:// URL here. */
    readonly downloadOverride: string;
    /** The archive names served so far, in order. */
    readonly served: string[];
    close(): Promise<void>;
}

/** Serves the plugin archives of `dists` (dist/ folders) as the repository's GitHub releases would. */
export async function serveReleases(dists: string[]): Promise<ReleaseServer> {
    const archives = new Map<string, string>();
    for (const dist of dists) {
        for (const name of readdirSync(path.join(dist, "plugins"))) {
            archives.set(name, path.join(dist, "plugins", name));
        }
    }
    const served: string[] = [];
    const server: Server = createServer((request, response) => {
        const name = decodeURIComponent((request.url ?? "").replace(/^\/releases\//, ""));
        const file = archives.get(name);
        if (request.method !== "GET" || !file) {
            response.writeHead(404).end();
            return;
        }
        served.push(name);
        // The engine checks the length it was told against what it read: a release asset has one.
        response.writeHead(200, { "content-type": "application/gzip", "content-length": statSync(file).size });
        createReadStream(file).pipe(response);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const github = `^github://api\\.github\\.com/${GITHUB_REPOSITORY.replace(/\./g, "\\.")}`;
    return {
        downloadOverride: `${github}=http://127.0.0.1:${port}/releases`,
        served,
        close: () => new Promise((resolve) => server.close(() => resolve())),
    };
}
