/**
 * The processes of a Pulumi run as /proc shows them, for the tests of what outlives a killed engine:
 * each with its role (the provider plugin, a language host, or other), a process's descendants, whether
 * one is still the same process and alive, and the first line a child process prints.
 */
import type { ChildProcess } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";
import * as path from "node:path";
import { expect } from "chai";
import { waitUntil } from "./wait-until";

/** The provider plugin's executable. */
export const PLUGIN = "pulumi-resource-ram-invitations";

/** The first line a child process prints on stdout (it goes on reading the rest, so writes do not fail). */
export async function firstLine(child: ChildProcess): Promise<string> {
    let text = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
    await waitUntil("a first line on stdout", () => text.includes("\n") || child.exitCode !== null);
    expect(text, "its stdout before it exited").to.include("\n");
    return text.slice(0, text.indexOf("\n")).trim();
}

export type Role = "plugin" | "language host" | "other";

/** A process as /proc shows it. `startTime` tells it from a later process with the same pid. */
export interface RunProcess {
    pid: number;
    ppid: number;
    startTime: string;
    argv: string[];
    role: Role;
}

/** What a failure message shows of processes left running. */
export function listed(processes: RunProcess[]): string[] {
    return processes.map((p) => `${p.role} pid ${p.pid}: ${p.argv.join(" ")}`);
}

/**
 * The plugin is a node process running the plugin's script; a language host is an executable named
 * pulumi-language-<language>. Anything else of the run (the Python program the host starts, the
 * interpreters the hosts ask for their version) counts with the host.
 */
export function roleOf(argv: string[]): Role {
    const names = argv.slice(0, 2).map((arg) => path.basename(arg));
    if (names.includes(PLUGIN)) {
        return "plugin";
    }
    if (/^pulumi-language-[a-z]+$/.test(names[0] ?? "")) {
        return "language host";
    }
    return "other";
}

/** A live (not zombie) process, or undefined when there is none by that pid. */
export async function readProcess(pid: number): Promise<RunProcess | undefined> {
    try {
        const [stat, cmdline] = await Promise.all([
            readFile(`/proc/${pid}/stat`, "utf8"),
            readFile(`/proc/${pid}/cmdline`, "utf8"),
        ]);
        // "pid (comm) state ppid ... starttime ...": comm may hold spaces and parentheses.
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const [state, ppid] = fields;
        const startTime = fields[19];
        if (state === "Z" || state === "X") {
            return undefined;
        }
        const argv = cmdline.split("\0");
        if (argv[argv.length - 1] === "") {
            argv.pop(); // the terminating NUL
        }
        return { pid, ppid: Number(ppid), startTime, argv, role: roleOf(argv) };
    } catch {
        return undefined; // gone
    }
}

export async function allProcesses(): Promise<RunProcess[]> {
    const pids = (await readdir("/proc")).filter((name) => /^\d+$/.test(name)).map(Number);
    return (await Promise.all(pids.map(readProcess))).filter((p) => p !== undefined);
}

/** Every live process below `root` in the parent chain. */
export async function descendants(root: number): Promise<RunProcess[]> {
    const all = await allProcesses();
    const found: RunProcess[] = [];
    const parents = new Set([root]);
    for (let grew = true; grew;) {
        grew = false;
        for (const p of all) {
            if (parents.has(p.ppid) && !parents.has(p.pid)) {
                parents.add(p.pid);
                found.push(p);
                grew = true;
            }
        }
    }
    return found;
}

/** The process as it is now, if it is still the same one and alive. */
export async function stillRunning(before: RunProcess): Promise<RunProcess | undefined> {
    const now = await readProcess(before.pid);
    return now && now.startTime === before.startTime ? { ...now, role: before.role } : undefined;
}
