// One version, in package.json, carried everywhere: the schema, every SDK's manifest, and every
// version a user would type from the docs and examples.
import { expect } from "chai";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "..", "..", "..");

function read(file: string): string {
    return readFileSync(path.join(REPO, file), "utf8");
}

function json<T>(file: string): T {
    return JSON.parse(read(file)) as T;
}

const manifest = json<{ version: string; repository: { url: string } }>("package.json");
const VERSION = manifest.version;

// A semantic version, pre-release and build included; a trailing "." (end of a sentence) is not part of it.
const V = String.raw`\d+\.\d+\.\d+(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?`;

interface Pattern {
    name: string;
    regex: RegExp;
}

// Each captures, as group 1, the version a user would type.
const PATTERNS: Pattern[] = [
    // `pulumi plugin install resource ram-invitations 0.2.0`, also wrapped onto the next line.
    {
        name: "ram-invitations X.Y.Z",
        regex: new RegExp(String.raw`ram-invitations(?:[ \t]+|[ \t]*\\?\n[ \t]*)v?(${V})`, "g"),
    },
    { name: "/sdk@vX.Y.Z", regex: new RegExp(String.raw`/sdk@v(${V})`, "g") },
    { name: "pulumi-ram-invitations~=X.Y.Z", regex: new RegExp(String.raw`pulumi-ram-invitations\s*~=\s*(${V})`, "g") },
    { name: "pulumi-ram-invitations==X.Y.Z", regex: new RegExp(String.raw`pulumi-ram-invitations\s*==\s*(${V})`, "g") },
    { name: "sdk vX.Y.Z", regex: new RegExp(String.raw`ram-invitations/sdk[ \t]+v(${V})`, "g") },
    {
        // pulumi-resource-ram-invitations-v0.2.0-<os>-<arch>.tar.gz: the version ends where the platform begins.
        name: "-vX.Y.Z- (archive)",
        regex: /ram-invitations-v(\d+\.\d+\.\d+(?:-(?!<|\$|\{|linux|darwin|windows)[0-9A-Za-z.]+)*)-/g,
    },
];

interface Occurrence {
    where: string;
    pattern: string;
    found: string;
}

function occurrences(file: string, text: string): Occurrence[] {
    const found: Occurrence[] = [];
    for (const pattern of PATTERNS) {
        for (const match of text.matchAll(pattern.regex)) {
            const line = text.slice(0, match.index).split("\n").length;
            found.push({ where: `${file}:${line}`, pattern: pattern.name, found: match[1] });
        }
    }
    const line = (o: Occurrence) => Number(o.where.slice(o.where.lastIndexOf(":") + 1));
    return found.sort((a, b) => line(a) - line(b));
}

function offending(list: Occurrence[], version: string): Occurrence[] {
    return list.filter((o) => o.found !== version);
}

/** Files under `dir` (relative to the repository) whose name `keep` accepts, node_modules left out. */
function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
    if (!existsSync(path.join(REPO, dir))) {
        return [];
    }
    const found: string[] = [];
    for (const entry of readdirSync(path.join(REPO, dir), { withFileTypes: true })) {
        const relative = path.posix.join(dir, entry.name);
        if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith(".")) {
            found.push(...filesUnder(relative, keep));
        } else if (entry.isFile() && keep(entry.name)) {
            found.push(relative);
        }
    }
    return found.sort();
}

/** The docs a user reads and the examples' files they copy. CHANGELOG.md names past versions by design. */
function userFacingFiles(): string[] {
    return [
        ...["README.md", "DEVELOPMENT.md"].filter((file) => existsSync(path.join(REPO, file))),
        ...filesUnder("docs", (name) => name.endsWith(".md")),
        ...filesUnder("examples", (name) => ["Pulumi.yaml", "requirements.txt", "go.mod"].includes(name)),
        ...filesUnder("examples", (name) => name.endsWith(".md")),
    ];
}

function githubRepository(): { owner: string; repo: string } {
    const match = /^git\+https:\/\/github\.com\/([^/]+)\/([^/]+)\.git$/.exec(manifest.repository.url);
    expect(match, `package.json repository.url ${manifest.repository.url}`).to.not.equal(null);
    return { owner: match![1], repo: match![2] };
}

describe("one version, in package.json, carried everywhere", () => {
    it("package.json's version is semver without a leading v", () => {
        expect(VERSION).to.match(new RegExp(`^${V}$`));
    });

    describe("the schema and the SDKs' manifests", () => {
        it("sdk/schema.json", () => {
            expect(json<{ version: string }>("sdk/schema.json").version).to.equal(VERSION);
        });

        it("sdk/nodejs/package.json: version and pulumi.version", () => {
            const sdk = json<{ version: string; pulumi: { version: string } }>("sdk/nodejs/package.json");
            expect(sdk.version).to.equal(VERSION);
            expect(sdk.pulumi.version).to.equal(VERSION);
        });

        it("sdk/python/pyproject.toml", () => {
            const lines = read("sdk/python/pyproject.toml")
                .split("\n")
                .filter((line) => /^\s*version\s*=/.test(line));
            expect(lines, "one version = line").to.have.length(1);
            expect(/^\s*version\s*=\s*"([^"]*)"\s*$/.exec(lines[0])?.[1]).to.equal(VERSION);
        });

        for (const file of [
            "sdk/python/pulumi_ram_invitations/pulumi-plugin.json",
            "sdk/go/ram-invitations/pulumi-plugin.json",
        ]) {
            it(file, () => {
                expect(json<{ version: string }>(file).version).to.equal(VERSION);
            });
        }
    });

    describe("the repository the releases are downloaded from", () => {
        it("sdk/schema.json's pluginDownloadURL is package.json's GitHub repository", () => {
            const { owner, repo } = githubRepository();
            const schema = json<{ pluginDownloadURL: string }>("sdk/schema.json");
            expect(schema.pluginDownloadURL).to.equal(`github://api.github.com/${owner}/${repo}`);
        });

        for (const file of [
            "sdk/python/pulumi_ram_invitations/pulumi-plugin.json",
            "sdk/go/ram-invitations/pulumi-plugin.json",
        ]) {
            it(`${file} downloads from pluginDownloadURL`, () => {
                const schema = json<{ pluginDownloadURL: string }>("sdk/schema.json");
                expect(json<{ server: string }>(file).server).to.equal(schema.pluginDownloadURL);
            });
        }

        it("the Go module is the repository's sdk/, and the schema imports the package under it", () => {
            const { owner, repo } = githubRepository();
            const module = /^module\s+(\S+)\s*$/m.exec(read("sdk/go.mod"))?.[1];
            expect(module).to.equal(`github.com/${owner}/${repo}/sdk`);
            const schema = json<{ language: { go: { importBasePath: string } } }>("sdk/schema.json");
            expect(schema.language.go.importBasePath).to.equal(`${module}/go/ram-invitations`);
        });
    });

    describe("every version a user would type names package.json's version", () => {
        it("the scan finds each pattern, and a wrong version in it, in a sample", () => {
            const sample = [
                "pulumi plugin install resource ram-invitations 9.9.9",
                "go get github.com/o/r/sdk@v9.9.9",
                "pulumi-ram-invitations~=9.9.9",
                "pip install pulumi-ram-invitations==9.9.9",
                "\tgithub.com/o/pulumi-ram-invitations/sdk v9.9.9",
                "pulumi-resource-ram-invitations-v9.9.9-linux-amd64.tar.gz",
                "`pulumi plugin install resource ram-invitations",
                "  9.9.8`",
                "go.opentelemetry.io/otel/sdk v1.43.0 and pulumi>=3.248.0 are not ours",
            ].join("\n");
            const found = occurrences("sample", sample);
            expect(found.map((o) => o.pattern)).to.have.members([...PATTERNS.map((p) => p.name), PATTERNS[0].name]);
            expect(offending(found, "9.9.9").map((o) => `${o.where} ${o.found}`)).to.deep.equal(["sample:7 9.9.8"]);
            expect(offending(found, "0.2.0")).to.have.length(found.length);
        });

        it("the archive pattern accepts a pre-release version followed by the platform", () => {
            const found = occurrences("s", "pulumi-resource-ram-invitations-v0.3.0-rc.1-darwin-arm64.tar.gz");
            expect(offending(found, "0.3.0-rc.1")).to.deep.equal([]);
            expect(offending(found, "0.3.0-rc.2")).to.have.length(1);
            expect(offending(found, "0.3.0")).to.have.length(1);
            const placeholder = occurrences("s", "`pulumi-resource-ram-invitations-v0.2.0-<os>-<arch>.tar.gz`");
            expect(placeholder.map((o) => o.found)).to.deep.equal(["0.2.0"]);
        });

        it("README.md, DEVELOPMENT.md, docs/ and examples/ (CHANGELOG.md is exempt)", () => {
            const files = userFacingFiles();
            expect(files).to.include("README.md");
            expect(files).to.not.include("CHANGELOG.md");
            const found = files.flatMap((file) => occurrences(file, read(file)));
            expect(found.length, "the docs name the version somewhere").to.be.greaterThan(0);
            const wrong = offending(found, VERSION);
            const report = wrong.map((o) => `  ${o.where}: ${o.found} (${o.pattern})`).join("\n");
            expect(wrong, `these name a version other than package.json's ${VERSION}:\n${report}\n`).to.have.length(0);
        });
    });
});
