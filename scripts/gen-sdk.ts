/**
 * Generates the SDKs of the provider plugin from its schema, with the real CLI as a user would:
 * `pulumi package get-schema` of the checkout's plugin (sdk/schema.json), then `pulumi package
 * gen-sdk` for TypeScript (sdk/nodejs), Python (sdk/python) and Go (sdk/go). The SDKs are generated,
 * never edited by hand; only sdk/go.mod and go.sum are kept by hand (see HAND_KEPT). It writes the
 * library's own TypeScript types from the same tables first (provider/generated/, ./gen-types.ts).
 *
 *   npm run gen-sdk              # writes provider/generated/types.ts and sdk/
 *   npm run gen-sdk -- --check   # fails, naming the files, when sdk/ is not what the schema gives
 *
 * `--check` runs in `npm test` (test/e2e/sdk-current.test.ts), so a stale SDK fails the build.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { filesUnder } from "./file-hash";
import { generatedTypesAreCurrent, writeGeneratedTypes } from "./gen-types";
import { installCheckout } from "./install-checkout";

const REPO = path.resolve(__dirname, "..");
export const SDK_DIR = path.join(REPO, "sdk");
export const SDK_LANGUAGES = ["nodejs", "python", "go"] as const;
/**
 * Files of sdk/ that are kept by hand, as in Pulumi's provider repositories: the Go module the Go SDK
 * is published as (sdk/go/<package> is its package), which the generator does not write.
 */
export const HAND_KEPT = ["go.mod", "go.sum"];

/** Writes the schema and every SDK of the checkout's plugin into `outDir`. */
export function generateSdks(outDir: string, pulumiBinDir: string): void {
    const modules = path.join(REPO, "node_modules");
    installCheckout(modules);
    // The SDKs ask the engine for this version of the plugin: the package's own.
    const { version } = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string };
    generateSdksOf(path.join(modules, ".bin", "pulumi-resource-ram-invitations"), version, outDir, pulumiBinDir);
}

/**
 * Writes the schema `plugin` serves and every SDK generated from it, carrying `version`, into
 * `outDir` (the release build calls it with the plugin it builds).
 */
export function generateSdksOf(plugin: string, version: string, outDir: string, pulumiBinDir: string): void {
    const home = mkdtempSync(path.join(tmpdir(), "gen-sdk-home-"));
    try {
        const env = {
            ...process.env,
            PATH: `${pulumiBinDir}${path.delimiter}${process.env.PATH ?? ""}`,
            PULUMI_HOME: home,
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        };
        const schema = execFileSync("pulumi", ["package", "get-schema", plugin], { env, encoding: "utf8" });
        const schemaFile = path.join(outDir, "schema.json");
        writeFileSync(schemaFile, `${JSON.stringify(JSON.parse(schema), null, 2)}\n`);
        for (const language of SDK_LANGUAGES) {
            execFileSync(
                "pulumi",
                ["package", "gen-sdk", schemaFile, "--language", language, "--version", version, "--out", outDir],
                { env, stdio: ["ignore", "ignore", "inherit"] },
            );
        }
    } finally {
        rmSync(home, { recursive: true, force: true });
    }
}

/**
 * The files of the SDK folder `sdkDir` that differ from a generation in `generatedDir` (missing,
 * extra or changed), the hand-kept ones aside.
 */
export function differingSdkFiles(generatedDir: string, sdkDir: string): string[] {
    const want = filesUnder(generatedDir);
    const have = filesUnder(sdkDir).filter((file) => !HAND_KEPT.includes(file));
    const all = [...new Set([...want, ...have])].sort();
    return all.filter(
        (file) =>
            !want.includes(file) ||
            !have.includes(file) ||
            !readFileSync(path.join(generatedDir, file)).equals(readFileSync(path.join(sdkDir, file))),
    );
}

/** Replaces everything in `sdkDir` but the hand-kept files with the generation in `generatedDir`. */
export function replaceSdk(generatedDir: string, sdkDir: string): void {
    for (const entry of readdirSync(sdkDir)) {
        if (!HAND_KEPT.includes(entry)) {
            rmSync(path.join(sdkDir, entry), { recursive: true, force: true });
        }
    }
    cpSync(generatedDir, sdkDir, { recursive: true });
}

/** The files of sdk/ that differ from a fresh generation (missing, extra or changed). */
export function staleSdkFiles(pulumiBinDir: string): string[] {
    const fresh = mkdtempSync(path.join(tmpdir(), "gen-sdk-"));
    try {
        generateSdks(fresh, pulumiBinDir);
        return differingSdkFiles(fresh, SDK_DIR);
    } finally {
        rmSync(fresh, { recursive: true, force: true });
    }
}

export function ensurePulumiBin(): string {
    const out = execFileSync(path.join(REPO, "scripts", "ensure-pulumi"), { encoding: "utf8" });
    return out.trim().split("\n").pop() as string;
}

async function main(): Promise<void> {
    const bin = ensurePulumiBin();
    if (process.argv.includes("--check")) {
        const stale = staleSdkFiles(bin);
        if (!(await generatedTypesAreCurrent())) {
            stale.unshift("provider/generated/types.ts");
        }
        if (stale.length > 0) {
            console.error(`gen-sdk: stale (run npm run gen-sdk): ${stale.join(", ")}`);
            process.exit(1);
        }
        console.error("gen-sdk: provider/generated/ and sdk/ are current");
    } else {
        await writeGeneratedTypes();
        const fresh = mkdtempSync(path.join(tmpdir(), "gen-sdk-"));
        try {
            generateSdks(fresh, bin);
            replaceSdk(fresh, SDK_DIR);
        } finally {
            rmSync(fresh, { recursive: true, force: true });
        }
        console.error("gen-sdk: wrote provider/generated/types.ts and sdk/");
    }
}

if (require.main === module) {
    main().catch((error: unknown) => {
        console.error(error);
        process.exit(1);
    });
}
