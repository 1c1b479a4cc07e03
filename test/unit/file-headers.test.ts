/**
 * A source file's header comment points the reader at other files ("see ../../provider/core/provider-config.ts");
 * a pointer to a file that was renamed or merged away sends the next engineer nowhere. Every file
 * name in the first comment of a source file must exist: from the file's folder, from the
 * repository's root, or (for a bare name like `errors.ts`) somewhere in the tree it belongs to.
 */
import { expect } from "chai";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "..", "..");
const TREES = ["provider", "emulator", "scripts", "test"];
const SKIPPED_FOLDERS = new Set(["node_modules", "fixtures"]);

/** A relative file path with a source or document extension, as a header would write it. */
const FILE_NAME = /(?<![\w./@-])((?:\.{1,2}\/)*[\w@-]+(?:[./][\w@-]+)*\.(?:ts|js|cjs|json|md|go|py|yaml))(?![\w/-])/g;

function sourceFiles(): string[] {
    const found: string[] = [];
    const visit = (dir: string): void => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith(".")) {
                visit(full);
            } else if (entry.isFile() && /\.(ts|cjs|js)$/.test(entry.name)) {
                found.push(full);
            }
        }
    };
    TREES.forEach((tree) => visit(path.join(REPO, tree)));
    return found;
}

/** The file's first block comment, or its leading line comments. */
function headerOf(text: string): string {
    const block = /^\s*(?:#!.*\n)?(?:"use strict";\s*)?\/\*\*?([\s\S]*?)\*\//.exec(text);
    if (block) {
        return block[1];
    }
    return (/^(?:\s*\/\/.*\n)+/.exec(text)?.[0] ?? "").replace(/^\s*\/\//gm, "");
}

describe("every source file's header names files that exist", () => {
    const files = sourceFiles();
    const everyName = new Set(
        TREES.flatMap((tree) =>
            readdirSync(path.join(REPO, tree), { recursive: true }).map((entry) => path.basename(String(entry))),
        ),
    );

    it("reads the source trees", () => {
        expect(files.length).to.be.greaterThan(100);
    });

    it("no header points at a file that is not there", () => {
        const stale = files.flatMap((file) => {
            const names = [...headerOf(readFileSync(file, "utf8")).matchAll(FILE_NAME)].map((m) => m[1]);
            return (
                names
                    // "Node.js" is a runtime, not a file; a path into node_modules names an installed package's file.
                    .filter((name) => name !== "Node.js" && !name.startsWith("@") && !name.includes("node_modules/"))
                    .filter(
                        (name) =>
                            !existsSync(path.resolve(path.dirname(file), name)) &&
                            !existsSync(path.join(REPO, name)) &&
                            !(name === path.basename(name) && everyName.has(name)),
                    )
                    .map((name) => `${path.relative(REPO, file)}: ${name}`)
            );
        });
        expect(stale).to.deep.equal([]);
    });
});
