/**
 * The optional state file, so the emulator's state survives a restart. Writes are atomic:
 * the new state goes to a temporary file beside the target, is flushed to disk, and is then
 * renamed over it, so a crash leaves either the old state or the new one, never half of one.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import type { LedgerEntry } from "./client-tokens";
import type { IamSnapshot } from "./iam";
import type { OrganizationRecord } from "./organization";
import type { StoreSnapshot } from "./store";

const VERSION = 1;

/** What the state file holds. The call log and faults are about a run, not state: they are not kept. */
export interface PersistedState {
    version: typeof VERSION;
    clockOffsetMs: number;
    store: StoreSnapshot;
    clientTokens: LedgerEntry[];
    /** Roles and sessions, secrets included (a restarted emulator still knows issued credentials). */
    iam: IamSnapshot;
    /** The organization, when one is seeded; files written before the emulator knew organizations have none. */
    organization?: OrganizationRecord;
}

/** Reads the state file, or answers undefined when there is none yet. */
export function readStateFile(path: string): PersistedState | undefined {
    let text: string;
    try {
        text = readFileSync(path, "utf8");
    } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") {
            return undefined;
        }
        throw err;
    }
    const state = JSON.parse(text) as Omit<PersistedState, "iam"> & Partial<Pick<PersistedState, "iam">>;
    if (state.version !== VERSION) {
        throw new Error(
            `${path} is a version ${String(state.version)} state file; this emulator reads version ${VERSION}`,
        );
    }
    // Files written before the emulator knew roles have none.
    return { ...state, iam: state.iam ?? { roles: [], sessions: [] } };
}

let temporaryFileCounter = 0;

/** Replaces the state file atomically. */
export function writeStateFile(path: string, state: Omit<PersistedState, "version">): void {
    const temporary = `${path}.${process.pid}.${++temporaryFileCounter}.tmp`;
    const fd = openSync(temporary, "w");
    try {
        writeSync(fd, JSON.stringify({ version: VERSION, ...state }));
        fsyncSync(fd);
    } finally {
        closeSync(fd);
    }
    renameSync(temporary, path);
}
