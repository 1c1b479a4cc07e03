/**
 * What the size rows of `npm run bench` measure (run.ts), and their tables: the calls of each
 * phase, the cost of a first up beside the baselines, the plugin's rows, the floor, and the curve
 * over every size and checkpoint setting.
 */
import type { FloorMeasure } from "./floor";
import { median, PhaseCalls } from "./measure";
import type { ProcessRole, ProcessUsage } from "./process-watch";

/** Whether the engine saves the state after every step (`on`) or once at the end (`off`, PULUMI_SKIP_CHECKPOINTS). */
export type Checkpoints = "on" | "off";

/** One first `up` of a fresh stack: wall time, what its processes used, and state bytes per resource. */
export interface UpMeasure {
    seconds: number;
    usage: ProcessUsage;
    /** Mean bytes of one measured resource's entry in the exported state. */
    stateBytesPerResource: number;
}

/** One size under one checkpoint setting; every program's runs under that same setting. */
export interface SettingResult {
    n: number;
    checkpoints: Checkpoints;
    preview: PhaseCalls;
    firstUp: PhaseCalls;
    secondUp: PhaseCalls;
    refresh: PhaseCalls;
    /** Every first `up` of N rejections, of the baseline and of the shaped baseline, taking turns. */
    ups: UpMeasure[];
    baselines: UpMeasure[];
    shaped: UpMeasure[];
    /** The plugin's first ups, at the sizes of --plugin-sizes; empty at the others. */
    plugin: UpMeasure[];
}

export interface SizeResult {
    n: number;
    /** The settings measured at this size, in the order of --checkpoints. */
    settings: SettingResult[];
    /** The floor's runs, one per --repeat, taking turns with the settings' runs. */
    floors: FloorMeasure[];
    /** How many rejections the floor sent at once (the engine's default --parallel). */
    parallel: number;
}

const ROLES: ProcessRole[] = ["provider", "program", "engine"];

/** The programs of the curve, in its column order. */
const PROGRAMS = ["dynamic", "plugin", "baseline", "floor"] as const;
type Program = (typeof PROGRAMS)[number];

/** The median of one measure over several ups. */
function med(ups: UpMeasure[], value: (up: UpMeasure) => number): number {
    return median(ups.map(value));
}

function seconds(up: { seconds: number }): number {
    return up.seconds;
}

/** Milliseconds per rejection of the median run; "—" when nothing was measured. */
function msPerRejection(runs: { seconds: number }[], n: number): number | undefined {
    return runs.length === 0 ? undefined : (median(runs.map(seconds)) / n) * 1000;
}

/** The ratio of the median times, and the range of the single runs' ratios (the runs took turns). */
function ratio(ours: UpMeasure[], against: UpMeasure[]): string {
    const pairs = ours.map((u, i) => u.seconds / against[i].seconds);
    const range = `${Math.min(...pairs).toFixed(2)}–${Math.max(...pairs).toFixed(2)}`;
    return `${(med(ours, seconds) / med(against, seconds)).toFixed(2)} (${range})`;
}

/** One measure's medians for several programs, as "a / b / c". */
function medians(programs: UpMeasure[][], value: (u: UpMeasure) => number, digits: number): string {
    return programs.map((ups) => med(ups, value).toFixed(digits)).join(" / ");
}

function row(cells: (string | number)[]): string {
    return `| ${cells.join(" | ")} |`;
}

function header(columns: string[]): string[] {
    return [row(columns), row(columns.map((column) => (column === "checkpoints" ? "---" : "---:")))];
}

/** A column of a table: its heading, and its cell in the row of one result. */
type Column<T> = [heading: string, cell: (result: T) => string | number];

/** A table's header and one row per result, each column's cell under its heading. */
function table<T>(results: T[], columns: Column<T>[]): string[] {
    return [
        ...header(columns.map(([heading]) => heading)),
        ...results.map((result) => row(columns.map(([, cell]) => cell(result)))),
    ];
}

function settingRows(results: SizeResult[]): SettingResult[] {
    return results.flatMap((r) => r.settings);
}

const CHECKPOINTS_NOTE =
    "Checkpoints off: every Pulumi process of the run had PULUMI_SKIP_CHECKPOINTS=true, so the engine " +
    "wrote the state once, at the end, instead of after every step.";

/** The calls of each phase, and the cost of a first up of N rejections beside the two baselines. */
export function sizeTable(results: SizeResult[], latencyMs: number, repeat: number): string {
    const calls = (c: PhaseCalls) => `${c.reads} / ${c.writes}`;
    const three = (r: SettingResult, value: (u: UpMeasure) => number, digits: number) =>
        medians([r.ups, r.baselines, r.shaped], value, digits);
    const rows = settingRows(results);
    return [
        `Latency per RAM call: ${latencyMs} ms. Calls are GetResourceShareInvitations / RejectResourceShareInvitation.`,
        "",
        ...header(["N", "checkpoints", "preview", "first up", "second up", "refresh", "read target ceil(N/100)"]),
        ...rows.map((r) =>
            row([
                r.n,
                r.checkpoints,
                calls(r.preview),
                calls(r.firstUp),
                calls(r.secondUp),
                calls(r.refresh),
                Math.ceil(r.n / 100),
            ]),
        ),
        "",
        `Cost of a first up of N rejections, next to N trivial dynamic resources (baseline) and N resources that ` +
            "carry a rejection's bytes of state, byte for byte, and make no AWS call (same-bytes), all three under " +
            `the row's checkpoint setting: medians of ${repeat} fresh stacks each, the programs taking turns; a ` +
            "ratio is of the medians, its range that of the single runs' ratios. CPU seconds are user and system " +
            "time of the provider, the program and the engine (the pulumi CLI); peak RSS is the high-water mark " +
            "(VmHWM) of the largest process of each; state bytes are one resource's entry in the exported state. " +
            `Triples read ours / baseline / same-bytes. ${CHECKPOINTS_NOTE}`,
        "",
        ...table<SettingResult>(rows, [
            ["N", (r) => r.n],
            ["checkpoints", (r) => r.checkpoints],
            ["up (s)", (r) => med(r.ups, seconds).toFixed(1)],
            ["baseline up (s)", (r) => med(r.baselines, seconds).toFixed(1)],
            ["same-bytes up (s)", (r) => med(r.shaped, seconds).toFixed(1)],
            ["ratio to baseline (range)", (r) => ratio(r.ups, r.baselines)],
            ["ratio to same-bytes (range)", (r) => ratio(r.ups, r.shaped)],
            ["ms per rejection", (r) => msPerRejection(r.ups, r.n)!.toFixed(1)],
            ["state bytes per resource", (r) => three(r, (u) => u.stateBytesPerResource, 0)],
            ...ROLES.map((role): Column<SettingResult> => [
                `${role} CPU s`,
                (r) => three(r, (u) => u.usage.cpuSeconds[role], 1),
            ]),
            ...ROLES.map((role): Column<SettingResult> => [
                `${role} peak RSS MiB`,
                (r) => three(r, (u) => u.usage.peakMiB[role], 0),
            ]),
        ]),
    ].join("\n");
}

/** The plugin's rows: its first up beside the dynamic resource's and the trivial baseline's, measured in turn. */
export function pluginTable(results: SizeResult[], repeat: number): string {
    const withPlugin = settingRows(results).filter((r) => r.plugin.length > 0);
    if (withPlugin.length === 0) {
        return "Plugin rows skipped.";
    }
    const three = (r: SettingResult, value: (u: UpMeasure) => number, digits: number) =>
        medians([r.plugin, r.ups, r.baselines], value, digits);
    return [
        `The provider plugin (through its generated TypeScript SDK, the executable on PATH) next to the dynamic ` +
            `resource and N trivial dynamic resources, all three under the row's checkpoint setting: medians of ` +
            `${repeat} fresh stacks each, in turn. Triples read plugin / dynamic / baseline.`,
        "",
        ...table<SettingResult>(withPlugin, [
            ["N", (r) => r.n],
            ["checkpoints", (r) => r.checkpoints],
            ["plugin up (s)", (r) => med(r.plugin, seconds).toFixed(1)],
            ["dynamic up (s)", (r) => med(r.ups, seconds).toFixed(1)],
            ["baseline up (s)", (r) => med(r.baselines, seconds).toFixed(1)],
            ["plugin to baseline (range)", (r) => ratio(r.plugin, r.baselines)],
            ["plugin to dynamic (range)", (r) => ratio(r.plugin, r.ups)],
            ["state bytes per resource", (r) => three(r, (u) => u.stateBytesPerResource, 0)],
            ["provider CPU s", (r) => three(r, (u) => u.usage.cpuSeconds.provider, 1)],
            ["engine CPU s", (r) => three(r, (u) => u.usage.cpuSeconds.engine, 1)],
            ...ROLES.map((role): Column<SettingResult> => [
                `${role} peak RSS MiB`,
                (r) => three(r, (u) => u.usage.peakMiB[role], 0),
            ]),
        ]),
    ].join("\n");
}

/** The floor's rows: the same RAM calls straight through the AWS SDK, no Pulumi. */
export function floorTable(results: SizeResult[], repeat: number): string {
    const calls = (c: PhaseCalls) => `${c.reads} / ${c.writes}`;
    return [
        "Floor: the same N rejections straight through @aws-sdk/client-ram, no Pulumi at all (one listing page " +
            "per 100 invitations, then the rejections, as many at once as `pulumi up` runs steps by default), " +
            `fresh invitations and the same latency: medians of ${repeat} runs, taking turns with the rows above.`,
        "",
        ...header(["N", "floor (s)", "ms per rejection", "parallel", "calls", "read target ceil(N/100)"]),
        ...results.map((r) =>
            row([
                r.n,
                median(r.floors.map(seconds)).toFixed(1),
                msPerRejection(r.floors, r.n)!.toFixed(1),
                r.parallel,
                calls(r.floors[0].calls),
                Math.ceil(r.n / 100),
            ]),
        ),
    ].join("\n");
}

/**
 * The whole curve: ms per rejection of every program at every size and setting, and for
 * checkpoints off the ratios to the baseline with checkpoints on, to the floor, and to the
 * smallest size measured with checkpoints off.
 */
export function curveTable(results: SizeResult[]): string {
    const format = (value: number | undefined, digits: number) => (value === undefined ? "—" : value.toFixed(digits));
    const divided = (a: number | undefined, b: number | undefined) =>
        a === undefined || b === undefined ? undefined : a / b;
    const perRejection = (r: SizeResult, s: SettingResult): Record<Program, number | undefined> => ({
        dynamic: msPerRejection(s.ups, r.n),
        plugin: msPerRejection(s.plugin, r.n),
        baseline: msPerRejection(s.baselines, r.n),
        floor: msPerRejection(r.floors, r.n),
    });
    // Each program's own smallest N with checkpoints off: the plugin may run at fewer sizes.
    const offRows = [...results]
        .sort((a, b) => a.n - b.n)
        .flatMap((r) => r.settings.filter((s) => s.checkpoints === "off").map((s) => perRejection(r, s)));
    const smallestOff = (program: Program) => offRows.map((ms) => ms[program]).find((ms) => ms !== undefined);
    const ours = (ms: Record<Program, number | undefined>, against: number | undefined) =>
        `${format(divided(ms.dynamic, against), 2)} / ${format(divided(ms.plugin, against), 2)}`;
    return [
        "The curve: ms per rejection (median wall time / N) of every program at every size and setting. Ratios are " +
            "for checkpoints off: ours (the dynamic resource / the plugin) to the baseline with checkpoints on at " +
            "the same N, ours to the floor, and each program's ms per rejection to its own at the smallest N " +
            "measured with checkpoints off (dynamic / plugin / baseline / floor).",
        "",
        ...header([
            "N",
            "checkpoints",
            ...PROGRAMS.map((program) => `${program} ms per rejection`),
            "ours-off / baseline-on",
            "ours-off / floor",
            "ms per rejection / smallest N's, off",
        ]),
        ...results.flatMap((r) =>
            r.settings.map((s) => {
                const ms = perRejection(r, s);
                const baselineOn = r.settings.find((t) => t.checkpoints === "on")?.baselines ?? [];
                const off = s.checkpoints === "off";
                return row([
                    r.n,
                    s.checkpoints,
                    ...PROGRAMS.map((program) => format(ms[program], 1)),
                    off ? ours(ms, msPerRejection(baselineOn, r.n)) : "—",
                    off ? ours(ms, ms.floor) : "—",
                    off
                        ? PROGRAMS.map((program) => format(divided(ms[program], smallestOff(program)), 2)).join(" / ")
                        : "—",
                ]);
            }),
        ),
    ].join("\n");
}
