/**
 * What `npm run bench:profile` prints of a run's profiles: the CPU seconds of each Node.js process
 * (program and provider) by process and per resource with their hottest packages and functions, from
 * V8's .cpuprofile files, and the engine's pprof profile through `go tool pprof -top`.
 */
import { execFileSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import * as path from "node:path";

type CallFrame = { functionName: string; url: string; lineNumber: number };

interface CpuProfile {
    nodes: { id: number; callFrame: CallFrame }[];
    samples: number[];
    timeDeltas: number[];
}

/**
 * V8's frames without code of their own. `dispatch` is the inspector handing the profiler its
 * result: the cost of profiling in pieces, not of the run.
 */
const PSEUDO_FRAMES: Record<string, string> = {
    "(idle)": "(idle)",
    "(garbage collector)": "(garbage collector)",
    "(program)": "(V8 and native)",
    dispatch: "(profiler)",
};
const NOT_THE_RUN = ["(idle)", "(profiler)"];

/** The package a frame belongs to (`@aws-sdk/client-ram`), or the file for code outside node_modules. */
function packageOf(frame: CallFrame): string {
    const inModules = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(frame.url);
    if (inModules) {
        return inModules[1];
    }
    if (!frame.url) {
        return PSEUDO_FRAMES[frame.functionName] ?? "(native)";
    }
    return frame.url
        .replace(/^file:\/\//, "")
        .split("/")
        .slice(-2)
        .join("/");
}

function functionOf(frame: CallFrame): string {
    const where = packageOf(frame);
    return NOT_THE_RUN.includes(where)
        ? where
        : `${frame.functionName || "(anonymous)"} (${where}:${frame.lineNumber})`;
}

/** Self time in seconds by key, over profiles, highest first. */
function selfTime(profiles: CpuProfile[], key: (frame: CallFrame) => string): [string, number][] {
    const times = new Map<string, number>();
    for (const profile of profiles) {
        const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
        profile.samples.forEach((id, i) => {
            const name = key(frames.get(id)!);
            times.set(name, (times.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1e6);
        });
    }
    return [...times].sort((a, b) => b[1] - a[1]);
}

/** CPU milliseconds per resource, for `seconds` of CPU over `n` resources. */
function perResource(seconds: number, n: number): string {
    return `${((seconds / n) * 1000).toFixed(1)} ms per resource`;
}

/**
 * The CPU time of a profiled process (`program-1234`), user and system as the kernel counts them,
 * less what writing its profile took: cpu-profile-preload.js writes it beside the profile. A
 * profile's samples are wall time spent running, which a busy machine inflates; this is not.
 */
async function cpuSeconds(dir: string, process: string): Promise<number | undefined> {
    try {
        const usage = JSON.parse(await readFile(path.join(dir, `${process}.usage.json`), "utf8")) as {
            cpuMicros: number;
            writingMicros: number;
        };
        return (usage.cpuMicros - usage.writingMicros) / 1e6;
    } catch {
        return undefined;
    }
}

/** What the Node.js profiles in `dir` say, per process (its one-second pieces together), for `n` resources. */
export async function summarizeNodeProfiles(dir: string, n: number): Promise<string[]> {
    const pieces = new Map<string, CpuProfile[]>();
    for (const file of (await readdir(dir)).filter((f) => f.endsWith(".cpuprofile")).sort()) {
        const process = file.replace(/-\d+\.cpuprofile$/, "");
        const profile = JSON.parse(await readFile(path.join(dir, file), "utf8")) as CpuProfile;
        pieces.set(process, [...(pieces.get(process) ?? []), profile]);
    }
    const lines: string[] = [];
    for (const [process, profiles] of pieces) {
        const packages = selfTime(profiles, packageOf);
        const seconds = (name: string) => packages.find(([n]) => n === name)?.[1] ?? 0;
        const busy = packages.reduce((total, [, s]) => total + s, 0) - seconds("(idle)") - seconds("(profiler)");
        const cpu = await cpuSeconds(dir, process);
        lines.push(
            cpu === undefined
                ? `  ${process}: (no CPU time recorded)`
                : `  ${process}: ${cpu.toFixed(2)} s of CPU, ${perResource(cpu, n)} (user and system time, ` +
                      "less the profile's own writing)",
            `    samples: ${busy.toFixed(2)} s running (besides ${seconds("(idle)").toFixed(1)} s idle and ` +
                `${seconds("(profiler)").toFixed(1)} s taken by the profiler itself)`,
        );
        for (const [name, s] of packages.filter(([n]) => !NOT_THE_RUN.includes(n)).slice(0, 8)) {
            lines.push(`    ${s.toFixed(2)} s  ${name}`);
        }
        for (const [name, s] of selfTime(profiles, functionOf)
            .filter(([n]) => !NOT_THE_RUN.includes(n))
            .slice(0, 10)) {
            lines.push(`    ${s.toFixed(3)} s  ${name}`);
        }
    }
    return lines;
}

/** The engine's CPU profile (pprof, `engine.<pid>.cpu`), summarized by `go tool pprof -top`, for `n` resources. */
export async function summarizeEngineProfile(dir: string, n: number): Promise<string[]> {
    const file = (await readdir(dir)).find((f) => /^engine\.\d+\.cpu$/.test(f));
    if (!file) {
        return ["  engine:", `    (no engine profile in ${dir})`];
    }
    try {
        const top = execFileSync("go", ["tool", "pprof", "-top", "-nodecount=15", path.join(dir, file)], {
            encoding: "utf8",
            stdio: ["ignore", "pipe", "ignore"],
        });
        // pprof's header gives the CPU time sampled: "Total samples = 21570ms" (or "21.57s").
        const total = /Total samples = ([\d.]+)(ms|s)\b/.exec(top);
        const cpuSeconds = total ? Number(total[1]) / (total[2] === "ms" ? 1000 : 1) : undefined;
        const heading =
            cpuSeconds === undefined
                ? "  engine:"
                : `  engine: ${cpuSeconds.toFixed(2)} s of CPU, ${perResource(cpuSeconds, n)}`;
        return [
            heading,
            ...top
                .split("\n")
                .filter((line) => line.trim())
                .slice(0, 22)
                .map((line) => `    ${line}`),
        ];
    } catch {
        return ["  engine:", `    (go tool pprof could not read ${file})`];
    }
}
