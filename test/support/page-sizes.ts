/**
 * Suites of the provider's list calls run their cases twice: with RAM's pages as the client asks for
 * them, and with pages of one item (the emulator's Seed.pageSize), so that every list call must
 * follow nextToken to see it all. A list with pages of one passes every case it passes by default.
 */
import type { CallLogEntry } from "../../emulator";

/** RAM's most items a page, which the provider's listings ask for, and the emulator's default. */
const RAM_MOST_PER_PAGE = 500;

/** The emulator's own page size (undefined: as the client asks), then pages of one item. */
const PAGE_SIZES = [undefined, 1] as const;

/** One page size of {@link PAGE_SIZES}. */
export type PageSize = (typeof PAGE_SIZES)[number];

/** `describe(title, body)` once per page size; the title says when the pages hold one item. */
export function describeWithPageSizes(title: string, body: (this: Mocha.Suite, pageSize: PageSize) => void): void {
    for (const pageSize of PAGE_SIZES) {
        describe(pageSize === undefined ? title : `${title}, pages of ${pageSize}`, function () {
            body.call(this, pageSize);
        });
    }
}

/** How many calls one list call of `items` items takes: one a page of RAM's most, or of `pageSize`. */
export function pagesFor(items: number, pageSize: PageSize): number {
    return Math.max(1, Math.ceil(items / (pageSize ?? RAM_MOST_PER_PAGE)));
}

/** Whether `call` starts a list call: it has no nextToken (each page after the first has one). */
export function isFirstPage(call: CallLogEntry): boolean {
    return (call.parameters as { nextToken?: string } | undefined)?.nextToken === undefined;
}
