/**
 * The release's version rules, apart from the build: semantic versioning (semver.org 2.0.0, without
 * a leading `v`) and the order of CHANGELOG.md's entries (`## [X.Y.Z] - YYYY-MM-DD`, newest first).
 */

export interface Semver {
    major: number;
    minor: number;
    patch: number;
    /** The dot-separated identifiers after `-`; empty for a release. */
    prerelease: string[];
}

// semver.org's own regular expression, build metadata included.
const SEMVER =
    /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export function parseSemver(text: string): Semver | undefined {
    const match = SEMVER.exec(text);
    if (!match) {
        return undefined;
    }
    return {
        major: Number(match[1]),
        minor: Number(match[2]),
        patch: Number(match[3]),
        prerelease: match[4] ? match[4].split(".") : [],
    };
}

/** Semver precedence: negative when a < b, 0 when equal, positive when a > b. */
export function compareSemver(a: Semver, b: Semver): number {
    for (const key of ["major", "minor", "patch"] as const) {
        if (a[key] !== b[key]) {
            return a[key] - b[key];
        }
    }
    // A pre-release comes before its release; identifiers compare numerically when both are numbers.
    if (a.prerelease.length === 0 || b.prerelease.length === 0) {
        return b.prerelease.length - a.prerelease.length;
    }
    for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
        const [x, y] = [a.prerelease[i], b.prerelease[i]];
        if (x === y) {
            continue;
        }
        const [xNumber, yNumber] = [/^\d+$/.test(x), /^\d+$/.test(y)];
        if (xNumber && yNumber) {
            return Number(x) - Number(y);
        }
        if (xNumber !== yNumber) {
            return xNumber ? -1 : 1;
        }
        return x < y ? -1 : 1;
    }
    return a.prerelease.length - b.prerelease.length;
}

/** The versions CHANGELOG.md has entries for, in its order (newest first): `## [X.Y.Z] - date`. */
export function changelogVersions(changelog: string): string[] {
    return [...changelog.matchAll(/^## \[([^\]]+)\]/gm)].map((match) => match[1]);
}

/** The section of CHANGELOG.md for `version`, without its heading; undefined when it has none. */
export function changelogSection(changelog: string, version: string): string | undefined {
    const lines = changelog.split("\n");
    const start = lines.findIndex((line) => line.startsWith(`## [${version}]`));
    if (start < 0) {
        return undefined;
    }
    const end = lines.findIndex((line, i) => i > start && /^## /.test(line));
    return lines
        .slice(start + 1, end < 0 ? undefined : end)
        .join("\n")
        .trim();
}

/**
 * Why `version` cannot be released given CHANGELOG.md's text, in words that say what to do; undefined
 * when it can. A version above the newest entry is a release the changelog does not describe yet: the
 * build goes on (a rehearsal, or a pre-release), and main.ts says so.
 */
export function versionProblem(version: string, changelog: string): string | undefined {
    const wanted = parseSemver(version);
    if (!wanted) {
        return (
            `--version ${JSON.stringify(version)} is not a semantic version: give MAJOR.MINOR.PATCH, e.g. 0.2.0 ` +
            `(no leading "v"; a pre-release as 0.3.0-rc.1)`
        );
    }
    const [newest] = changelogVersions(changelog);
    const newestVersion = newest === undefined ? undefined : parseSemver(newest);
    if (newest === undefined || !newestVersion) {
        return `CHANGELOG.md has no entry "## [X.Y.Z] - YYYY-MM-DD" to release against: add one for ${version}`;
    }
    if (compareSemver(wanted, newestVersion) < 0) {
        return (
            `--version ${version} is lower than CHANGELOG.md's newest entry, ${newest}: a release never goes ` +
            `back; release ${newest} or a later version`
        );
    }
    return undefined;
}
