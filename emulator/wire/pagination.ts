/**
 * `nextToken` paging for the list operations. A token carries the offset of the next page
 * and a digest of the query it belongs to, so a token used with another query, or made up,
 * is refused: with `InvalidNextTokenException` as RAM refuses it, or the error the caller names.
 */
import { createHash } from "node:crypto";
import { ApiError } from "./api-error";

/** One page of results and, when more follow, the token for the next. */
export interface Page<T> {
    items: T[];
    nextToken?: string;
}

interface TokenContent {
    offset: number;
    query: string;
}

function digest(query: string): string {
    return createHash("sha256").update(query).digest("base64url").slice(0, 16);
}

/** RAM's refusal of a token that does not continue the listing. */
function ramInvalidToken(): ApiError {
    return new ApiError("InvalidNextTokenException", "The specified value for NextToken is not valid.");
}

function decode(token: string, query: string, invalid: ApiError): number {
    let content: Partial<TokenContent>;
    try {
        content = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Partial<TokenContent>;
    } catch {
        throw invalid;
    }
    if (content.query !== digest(query) || !Number.isInteger(content.offset) || (content.offset as number) < 1) {
        throw invalid;
    }
    return content.offset as number;
}

/**
 * Cuts `items` into the page that `nextToken` asks for. `query` identifies the request
 * apart from its paging parameters (canonical JSON of the other parameters and the caller).
 * A token that does not belong to it is refused with `invalidToken()`.
 */
export function paginate<T>(
    items: T[],
    query: string,
    maxResults: number,
    nextToken: string | undefined,
    invalidToken: () => ApiError = ramInvalidToken,
): Page<T> {
    const offset = nextToken === undefined ? 0 : decode(nextToken, query, invalidToken());
    const end = offset + maxResults;
    const page: Page<T> = { items: items.slice(offset, end) };
    if (end < items.length) {
        const content: TokenContent = { offset: end, query: digest(query) };
        page.nextToken = Buffer.from(JSON.stringify(content)).toString("base64url");
    }
    return page;
}
