/**
 * Every folder README is the folder's map, so it may not drift from the folder: it names every file
 * and subfolder the folder holds, and every file or folder it names exists. A name in backticks
 * (`lifecycle.ts`, `server/`) or in a ```text layout tree counts; it is looked up from the
 * README's folder, from anywhere below it (a README may name a file of a subfolder by its name), or from
 * the repository's root.
 */
import { expect } from "chai";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "..", "..");

/** The folders whose README maps them (their subfolders' READMEs are found below). */
const MAPPED_ROOTS = ["provider", "emulator", "scripts", "test"];

/** What a folder holds that is not source: build output, caches, generated files git ignores. */
const NOT_MAPPED = new Set(["README.md", "node_modules", "__pycache__", ".gitignore"]);

/** A token that names a file or folder: a relative path ending in a known extension, or in `/`. */
const PATH_LIKE = /^(\.\.\/|\.\/)?[\w.@-]+(\/[\w.@-]+)*(\.(ts|js|cjs|mjs|json|md|go|py|yaml|mod|sh)|\/)$/;

function foldersWithReadmes(): string[] {
    const found: string[] = [];
    const visit = (dir: string): void => {
        if (existsSync(path.join(dir, "README.md"))) {
            found.push(dir);
        }
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            if (entry.isDirectory() && !NOT_MAPPED.has(entry.name) && !entry.name.startsWith(".")) {
                visit(path.join(dir, entry.name));
            }
        }
    };
    MAPPED_ROOTS.forEach((root) => visit(path.join(REPO, root)));
    return found;
}

/** The names a README gives: backticked path-like tokens, and every path-like word of a layout tree. */
function namesIn(readme: string): string[] {
    const backticked = [...readme.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]);
    const trees = [...readme.matchAll(/```text\n([\s\S]*?)```/g)].flatMap((m) =>
        m[1].split(/[\s,├└│─]+/).filter((word) => word.length > 0),
    );
    return [...new Set([...backticked, ...trees])]
        .map((name) => name.replace(/[.,;:]+$/, (tail) => (PATH_LIKE.test(name) ? "" : tail)))
        .filter((name) => PATH_LIKE.test(name) && !name.startsWith("node_modules/"));
}

/** Every path below `dir`, relative to it (folders with a trailing `/`). */
function pathsBelow(dir: string): string[] {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => !String(path.relative(dir, entry.parentPath)).split(path.sep).includes("node_modules"))
        .map((entry) => {
            const relative = path.relative(dir, path.join(entry.parentPath, entry.name));
            return entry.isDirectory() ? `${relative}/` : relative;
        });
}

function resolves(name: string, dir: string, below: string[]): boolean {
    const plain = name.replace(/\/$/, "");
    if (existsSync(path.join(dir, plain)) || existsSync(path.join(REPO, plain))) {
        return true;
    }
    return below.some((relative) => relative === name || relative.endsWith(`/${name}`));
}

/** The files and folders directly in `dir` that its README must name. */
function entriesOf(dir: string): string[] {
    return readdirSync(dir)
        .filter((name) => !NOT_MAPPED.has(name) && !name.startsWith("."))
        .map((name) => (statSync(path.join(dir, name)).isDirectory() ? `${name}/` : name));
}

function mentions(readme: string, entry: string): boolean {
    const bare = entry.replace(/\/$/, "");
    const escaped = bare.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(^|[\\s\`(/|,])${escaped}(/|\`|[\\s,.;:)|]|$)`, "m").test(readme);
}

describe("every folder README maps its folder as it is", () => {
    const folders = foldersWithReadmes();

    it("finds the folder READMEs", () => {
        expect(folders.map((dir) => path.relative(REPO, dir))).to.include.members(["provider", "emulator", "test"]);
    });

    for (const dir of folders) {
        const where = path.relative(REPO, dir);
        describe(`${where}/README.md`, () => {
            const readme = readFileSync(path.join(dir, "README.md"), "utf8");

            it("names only files and folders that exist", () => {
                const below = pathsBelow(dir);
                const missing = namesIn(readme).filter((name) => !resolves(name, dir, below));
                expect(missing, `${where}/README.md names what is not there`).to.deep.equal([]);
            });

            it("names every file and folder the folder holds", () => {
                const unnamed = entriesOf(dir).filter((entry) => !mentions(readme, entry));
                expect(unnamed, `${where}/README.md does not name`).to.deep.equal([]);
            });
        });
    }
});
