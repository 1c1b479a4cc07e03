/**
 * The pieces every part of a seed is checked with: the list of problems found (a seed is refused
 * with all of them at once) and checks of the values seeds are made of.
 */
import { EmulatorInputError } from "../input-error";
import { isPlainObject } from "../plain-object";
import { isAccountId } from "./arns";

/** The problems found in a seed, each as `seed <path> must be <expected>`. */
export class Problems {
    private readonly found: string[] = [];

    /** Notes that the value at `path` is not `expected`. */
    add(path: string, expected: string): void {
        this.found.push(`seed ${path} must be ${expected}`);
    }

    /** Throws every problem found, in one message, when there is any. */
    throwIfAny(): void {
        if (this.found.length > 0) {
            throw new EmulatorInputError(this.found.join("; "));
        }
    }
}

export function optionalString(value: unknown, path: string, problems: Problems): string | undefined {
    if (value !== undefined && typeof value !== "string") {
        problems.add(path, "a string");
    }
    return value as string | undefined;
}

export function nonEmptyString(value: unknown, path: string, problems: Problems): string {
    if (typeof value !== "string" || value.trim() === "") {
        problems.add(path, "a non-empty string");
    }
    return value as string;
}

export function accountId(value: unknown, path: string, problems: Problems): string {
    if (typeof value !== "string" || !isAccountId(value)) {
        problems.add(path, "a 12-digit account id");
    }
    return value as string;
}

/** The list at `path`; an absent optional one is empty. */
export function list(value: unknown, path: string, problems: Problems, optional = true): unknown[] {
    if (value === undefined && optional) {
        return [];
    }
    if (!Array.isArray(value)) {
        problems.add(path, "a list");
        return [];
    }
    return value;
}

/** The objects of the list at `path`, each checked with `check`; what is not an object is a problem of its own. */
export function objects<T>(
    value: unknown,
    path: string,
    problems: Problems,
    check: (value: Record<string, unknown>, path: string, problems: Problems) => T,
    optional = true,
): T[] {
    return list(value, path, problems, optional).flatMap((item, i) => {
        if (!isPlainObject(item)) {
            problems.add(`${path}[${i}]`, "an object");
            return [];
        }
        return [check(item, `${path}[${i}]`, problems)];
    });
}
