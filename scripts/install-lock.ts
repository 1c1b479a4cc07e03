/**
 * One install at a time across processes: the install scripts (install-checkout, install-sdk,
 * install-python-sdk) write shared places (the checkout's bin/ and node_modules, .tools/), and
 * `npm test` runs its test files in several processes at once, each of which calls them.
 *
 * The lock is a directory (mkdir is atomic) under .tools/locks holding the owner's pid; a lock whose
 * owner is gone (a killed run) is taken over. Within one process the lock is re-entrant.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";

const LOCKS = path.resolve(__dirname, "..", ".tools", "locks");
/** How long to wait for another process's install before giving up: a cold Python install takes minutes. */
const WAIT_MS = 15 * 60_000;

const held = new Map<string, number>();

function sleepSync(ms: number): void {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function alive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === "EPERM";
    }
}

function ownerOf(dir: string): number | undefined {
    try {
        const pid = Number(readFileSync(path.join(dir, "pid"), "utf8"));
        return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
        return undefined;
    }
}

/** Runs `install` holding the lock `name`; waits for another process holding it first. */
export function withInstallLock<T>(name: string, install: () => T): T {
    const dir = path.join(LOCKS, name);
    const depth = held.get(dir) ?? 0;
    if (depth === 0) {
        acquire(dir, name);
    }
    held.set(dir, depth + 1);
    try {
        return install();
    } finally {
        held.set(dir, depth);
        if (depth === 0) {
            held.delete(dir);
            rmSync(dir, { recursive: true, force: true });
        }
    }
}

function acquire(dir: string, name: string): void {
    mkdirSync(LOCKS, { recursive: true });
    const deadline = Date.now() + WAIT_MS;
    let ownerless = 0;
    for (let waited = false; ; waited = true) {
        try {
            mkdirSync(dir);
            writeFileSync(path.join(dir, "pid"), String(process.pid));
            return;
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
                throw error;
            }
        }
        const owner = ownerOf(dir);
        // No pid yet: its owner is between mkdir and writing it, unless it died there (then give it 5 s).
        if (owner === undefined ? ++ownerless > 50 : !alive(owner)) {
            rmSync(dir, { recursive: true, force: true });
            ownerless = 0;
            continue;
        }
        if (Date.now() > deadline) {
            throw new Error(`install lock ${name}: process ${owner} has held ${dir} for ${WAIT_MS / 60_000} minutes`);
        }
        if (!waited) {
            console.error(`${name}: waiting for another process's install (lock ${dir})`);
        }
        sleepSync(100);
    }
}
