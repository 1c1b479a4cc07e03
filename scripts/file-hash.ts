/**
 * What the install scripts stamp an install with, to do nothing when it is current: a hash of the
 * files it was built from. One implementation for the checkout's package, its TypeScript SDK, its
 * Python SDK and the SDK check.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";

/** Every file under `dir`, as paths relative to it, sorted. */
export function filesUnder(dir: string): string[] {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
        .sort();
}

/** A hash of the names and contents of `files` (relative to `root`), and of `extra`. */
export function hashFiles(root: string, files: string[], extra = ""): string {
    const hash = createHash("sha256").update(extra).update("\0");
    for (const file of [...files].sort()) {
        hash.update(file)
            .update("\0")
            .update(readFileSync(path.join(root, file)))
            .update("\0");
    }
    return hash.digest("hex");
}
