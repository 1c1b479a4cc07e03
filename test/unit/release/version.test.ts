import { expect } from "chai";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import {
    changelogSection,
    changelogVersions,
    compareSemver,
    parseSemver,
    Semver,
    versionProblem,
} from "../../../scripts/release/version";

const REPO = path.resolve(__dirname, "..", "..", "..");

function semver(text: string): Semver {
    const parsed = parseSemver(text);
    if (!parsed) {
        throw new Error(`${text} should parse`);
    }
    return parsed;
}

const SAMPLE = [
    "# Changelog",
    "",
    "Intro text.",
    "",
    "## [0.3.0] - 2027-01-15",
    "",
    "### Added",
    "",
    "- Something new.",
    "",
    "## [0.2.0] - 2026-12-07",
    "",
    "- The middle one.",
    "",
    "## [0.1.0] - 2026-11-24",
    "",
    "- The first.",
    "",
].join("\n");

describe("release version rules", () => {
    describe("parseSemver", () => {
        it("parses a release", () => {
            expect(parseSemver("0.2.0")).to.deep.equal({ major: 0, minor: 2, patch: 0, prerelease: [] });
        });

        it("parses a pre-release into its identifiers", () => {
            expect(parseSemver("1.0.0-rc.1")).to.deep.equal({ major: 1, minor: 0, patch: 0, prerelease: ["rc", "1"] });
        });

        it("accepts build metadata and leaves it out of the result", () => {
            expect(parseSemver("1.0.0+build.5")).to.deep.equal({ major: 1, minor: 0, patch: 0, prerelease: [] });
        });

        for (const bad of ["v0.2.0", "0.2", "01.2.3", "1.2.3-", "", "1.2.3-01", " 1.2.3", "1.2.3.4"]) {
            it(`rejects ${JSON.stringify(bad)}`, () => {
                expect(parseSemver(bad)).to.equal(undefined);
            });
        }
    });

    describe("compareSemver", () => {
        // semver.org 2.0.0 §11, in ascending order.
        const CHAIN = [
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
        ];

        for (let i = 0; i + 1 < CHAIN.length; i++) {
            const [lower, higher] = [CHAIN[i], CHAIN[i + 1]];
            it(`${lower} < ${higher}, both ways`, () => {
                expect(compareSemver(semver(lower), semver(higher))).to.be.lessThan(0);
                expect(compareSemver(semver(higher), semver(lower))).to.be.greaterThan(0);
            });
        }

        it("orders the whole chain transitively, as a sort does", () => {
            const shuffled = [...CHAIN].reverse();
            shuffled.push(shuffled.shift()!);
            const sorted = shuffled.map(semver).sort(compareSemver);
            expect(sorted).to.deep.equal(CHAIN.map(semver));
        });

        it("compares numbers numerically, not as text: 0.10.0 > 0.9.9", () => {
            expect(compareSemver(semver("0.10.0"), semver("0.9.9"))).to.be.greaterThan(0);
            expect(compareSemver(semver("0.9.9"), semver("0.10.0"))).to.be.lessThan(0);
            expect(compareSemver(semver("2.0.0"), semver("10.0.0"))).to.be.lessThan(0);
        });

        it("is 0 for equal versions, build metadata ignored", () => {
            expect(compareSemver(semver("0.2.0"), semver("0.2.0"))).to.equal(0);
            expect(compareSemver(semver("1.0.0+build.5"), semver("1.0.0"))).to.equal(0);
            expect(compareSemver(semver("1.0.0-rc.1"), semver("1.0.0-rc.1"))).to.equal(0);
        });
    });

    describe("changelogVersions and changelogSection", () => {
        it("lists the entries in the file's order", () => {
            expect(changelogVersions(SAMPLE)).to.deep.equal(["0.3.0", "0.2.0", "0.1.0"]);
        });

        it("lists nothing for a changelog without entries", () => {
            expect(changelogVersions("# Changelog\n\n### [0.1.0] is not a heading of an entry\n")).to.deep.equal([]);
        });

        it("gives a section's text without its heading, up to the next entry", () => {
            expect(changelogSection(SAMPLE, "0.3.0")).to.equal("### Added\n\n- Something new.");
            expect(changelogSection(SAMPLE, "0.2.0")).to.equal("- The middle one.");
        });

        it("gives the last section up to the end of the file", () => {
            expect(changelogSection(SAMPLE, "0.1.0")).to.equal("- The first.");
        });

        it("gives undefined for a version without an entry", () => {
            expect(changelogSection(SAMPLE, "0.4.0")).to.equal(undefined);
            expect(changelogSection(SAMPLE, "0.2")).to.equal(undefined);
        });
    });

    describe("versionProblem", () => {
        it("names a value that is not semver and says MAJOR.MINOR.PATCH", () => {
            const problem = versionProblem("v0.3.0", SAMPLE);
            expect(problem).to.be.a("string");
            expect(problem).to.include('"v0.3.0"');
            expect(problem).to.include("MAJOR.MINOR.PATCH");
        });

        it("names both versions when the wanted one is lower than the newest entry", () => {
            const problem = versionProblem("0.2.9", SAMPLE);
            expect(problem).to.be.a("string");
            expect(problem).to.include("0.2.9");
            expect(problem).to.include("0.3.0");
        });

        it("refuses a pre-release of the newest entry (it comes before it)", () => {
            expect(versionProblem("0.3.0-rc.1", SAMPLE)).to.include("0.3.0-rc.1");
        });

        it("says so when the changelog has no entry at all", () => {
            const problem = versionProblem("0.1.0", "# Changelog\n\nNothing yet.\n");
            expect(problem).to.be.a("string");
            expect(problem).to.include("CHANGELOG.md");
            expect(problem).to.include("0.1.0");
        });

        for (const version of ["0.3.0", "0.3.1", "0.4.0-rc.1", "1.0.0", "0.10.0"]) {
            it(`accepts ${version} (equal to or above the newest entry)`, () => {
                expect(versionProblem(version, SAMPLE)).to.equal(undefined);
            });
        }
    });

    describe("the repository's CHANGELOG.md", () => {
        const changelog = readFileSync(path.join(REPO, "CHANGELOG.md"), "utf8");
        const manifest = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string };
        const versions = changelogVersions(changelog);

        it("has its newest entry for package.json's version", () => {
            expect(versions[0]).to.equal(manifest.version);
            expect(versionProblem(manifest.version, changelog)).to.equal(undefined);
        });

        it("lists every entry as semver, newest first, each once", () => {
            for (const version of versions) {
                expect(parseSemver(version), `## [${version}] is not semver`).to.not.equal(undefined);
            }
            for (let i = 0; i + 1 < versions.length; i++) {
                expect(
                    compareSemver(semver(versions[i]), semver(versions[i + 1])),
                    `## [${versions[i]}] must be above the entry after it, ${versions[i + 1]}`,
                ).to.be.greaterThan(0);
            }
        });

        it("dates every entry YYYY-MM-DD", () => {
            const headings = changelog.split("\n").filter((line) => line.startsWith("## ["));
            expect(headings).to.have.length(versions.length);
            for (const heading of headings) {
                const match = /^## \[[^\]]+\] - (\d{4})-(\d{2})-(\d{2})$/.exec(heading);
                expect(match, `${heading} must read "## [X.Y.Z] - YYYY-MM-DD"`).to.not.equal(null);
                const [year, month, day] = match!.slice(1).map(Number);
                const date = new Date(Date.UTC(year, month - 1, day));
                expect(date.getUTCDate(), `${heading}: no such day`).to.equal(day);
                expect(date.getUTCMonth(), `${heading}: no such month`).to.equal(month - 1);
            }
        });

        it("describes the newest version", () => {
            const section = changelogSection(changelog, versions[0]);
            expect(section, `## [${versions[0]}] has no text`).to.be.a("string").and.not.equal("");
        });
    });
});
