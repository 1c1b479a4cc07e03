import { expect } from "chai";
import * as path from "node:path";
import { parseArguments } from "../../../scripts/release/main";
import { PLATFORMS } from "../../../scripts/release/plugin-archives";

const REPO = path.resolve(__dirname, "..", "..", "..");
const MAIN = require.resolve("../../../scripts/release/main");

type Options = Exclude<ReturnType<typeof parseArguments>, string>;

function problem(args: string[]): string {
    const parsed = parseArguments(args);
    expect(parsed, `${args.join(" ")} should be refused`).to.be.a("string");
    return parsed as string;
}

function options(args: string[]): Options {
    const parsed = parseArguments(args);
    if (typeof parsed === "string") {
        throw new Error(`${args.join(" ")} should be accepted, got: ${parsed}`);
    }
    return parsed;
}

describe("release arguments (parseArguments)", () => {
    it("importing main.ts runs no release: it prints nothing and does not exit", () => {
        const [exit, error, log] = [process.exit, console.error, console.log];
        const calls: string[] = [];
        process.exit = ((code?: number) => {
            calls.push(`exit ${code}`);
        }) as typeof process.exit;
        console.error = (...args: unknown[]) => void calls.push(`error ${args.join(" ")}`);
        console.log = (...args: unknown[]) => void calls.push(`log ${args.join(" ")}`);
        const cached = require.cache[MAIN];
        try {
            delete require.cache[MAIN];
            const loaded = require(MAIN) as { parseArguments: unknown };
            expect(loaded.parseArguments).to.be.a("function");
        } finally {
            [process.exit, console.error, console.log] = [exit, error, log];
            if (cached) {
                require.cache[MAIN] = cached;
            }
        }
        expect(calls).to.deep.equal([]);
    });

    it("requires --version, and says so", () => {
        expect(problem([])).to.include("--version");
        expect(problem(["--out", "somewhere"])).to.include("--version X.Y.Z is required");
    });

    it("names an unknown flag", () => {
        const message = problem(["--version", "0.2.0", "--verison-typo"]);
        expect(message).to.include('"--verison-typo"');
        expect(message).to.include("--plugins-from");
    });

    it("names a stray positional argument as unknown", () => {
        expect(problem(["0.2.0"])).to.include('"0.2.0"');
    });

    it("refuses a platform the plugin is not released for, listing the released ones", () => {
        const message = problem(["--version", "0.2.0", "--platforms", "windows-amd64"]);
        expect(message).to.include("windows-amd64");
        for (const platform of PLATFORMS) {
            expect(message).to.include(platform);
        }
    });

    it("names only the unknown platforms of a list", () => {
        const message = problem(["--version", "0.2.0", "--platforms", "linux-amd64,plan9-386"]);
        expect(message).to.match(/^--platforms plan9-386:/);
    });

    it("refuses --plugins-only together with --plugins-from", () => {
        const message = problem(["--version", "0.2.0", "--plugins-only", "--plugins-from", "x"]);
        expect(message).to.include("--plugins-only");
        expect(message).to.include("--plugins-from");
    });

    it("refuses --version without a value, at the end or before another flag", () => {
        expect(problem(["--version"])).to.equal("--version needs a value");
        expect(problem(["--version", "--plugins-only"])).to.equal("--version needs a value");
    });

    it("refuses --out, --platforms and --plugins-from without a value", () => {
        expect(problem(["--version", "0.2.0", "--out"])).to.equal("--out needs a value");
        expect(problem(["--version", "0.2.0", "--platforms"])).to.equal("--platforms needs a value");
        expect(problem(["--version", "0.2.0", "--plugins-from"])).to.equal("--plugins-from needs a value");
    });

    it("defaults to dist/ of the repository, every released platform, and a full build", () => {
        const parsed = options(["--version", "0.2.0"]);
        expect(parsed).to.deep.equal({
            version: "0.2.0",
            out: path.join(REPO, "dist"),
            platforms: [...PLATFORMS],
            pluginsOnly: false,
        });
        expect(PLATFORMS).to.include("linux-amd64");
    });

    it("gives a fresh list of platforms each time (PLATFORMS is not shared)", () => {
        const parsed = options(["--version", "0.2.0"]);
        parsed.platforms.push("mutated");
        expect(options(["--version", "0.2.0"]).platforms).to.deep.equal([...PLATFORMS]);
    });

    it("answers the options of a full valid set, out resolved to an absolute path", () => {
        const parsed = options([
            "--version",
            "0.3.0-rc.1",
            "--out",
            "build/out",
            "--platforms",
            "linux-arm64,darwin-arm64",
            "--plugins-only",
        ]);
        expect(parsed).to.deep.equal({
            version: "0.3.0-rc.1",
            out: path.resolve(process.cwd(), "build/out"),
            platforms: ["linux-arm64", "darwin-arm64"],
            pluginsOnly: true,
        });
        expect(path.isAbsolute(parsed.out)).to.equal(true);
    });

    it("resolves --plugins-from to an absolute path", () => {
        const parsed = options(["--plugins-from", "archives", "--version", "0.2.0"]);
        expect(parsed.pluginsFrom).to.equal(path.resolve(process.cwd(), "archives"));
        expect(parsed.pluginsOnly).to.equal(false);
        expect(path.isAbsolute(parsed.pluginsFrom!)).to.equal(true);
    });
});
