/**
 * Client-token idempotency as RAM documents it: a repeated call with the same `clientToken`
 * and the same parameters gets the original reply again (byte for byte, even if the state
 * has changed since) and changes nothing; the same token with other parameters is refused
 * with `IdempotentParameterMismatchException`.
 *
 * A token is remembered per account, region and operation, and only for calls that
 * succeeded: a call that failed did nothing, so trying it again is no repetition.
 */
import { ApiError } from "../wire/api-error";

/**
 * RAM's model sets no limit on `clientToken`; AWS documents client tokens elsewhere as "up
 * to 64 ASCII characters". The emulator holds clients to that: 1 to 64 printable ASCII
 * characters.
 */
const VALID_CLIENT_TOKEN = /^[\x20-\x7e]{1,64}$/;

/** Throws `InvalidClientTokenException` for a token RAM would not accept. */
export function assertValidClientToken(token: string): void {
    if (!VALID_CLIENT_TOKEN.test(token)) {
        throw new ApiError(
            "InvalidClientTokenException",
            "The client token must be 1 to 64 printable ASCII characters.",
        );
    }
}

/** Who used a token for what; tokens of different scopes never meet. */
export interface TokenScope {
    accountId: string;
    region: string;
    operation: string;
    clientToken: string;
}

/** One remembered call. */
export interface LedgerEntry extends TokenScope {
    /** The call's parameters (without the token), canonical JSON. */
    parameters: string;
    /** The reply body that was (or would have been) sent. */
    reply: string;
}

/** A call's reply (JSON text) and whether it changed state. */
export interface CallResult {
    reply: string;
    stateChanged: boolean;
}

function scopeKey(scope: TokenScope): string {
    return JSON.stringify([scope.accountId, scope.region, scope.operation, scope.clientToken]);
}

/** The remembered tokens. */
export class ClientTokenLedger {
    private readonly entries = new Map<string, LedgerEntry>();

    /**
     * Runs `call` once per token: a repetition with the same parameters gets the first reply
     * again without running, one with other parameters is refused. `parameters` is the
     * call's canonical JSON without the token.
     */
    runOnce(scope: TokenScope, parameters: string, call: () => CallResult): CallResult & { replayed: boolean } {
        const key = scopeKey(scope);
        const entry = this.entries.get(key);
        if (entry && entry.parameters !== parameters) {
            throw new ApiError(
                "IdempotentParameterMismatchException",
                `The client token ${scope.clientToken} was already used with different parameters.`,
            );
        }
        if (entry) {
            return { reply: entry.reply, stateChanged: false, replayed: true };
        }
        const result = call();
        this.entries.set(key, { ...scope, parameters, reply: result.reply });
        return { ...result, replayed: false };
    }

    get size(): number {
        return this.entries.size;
    }

    list(): LedgerEntry[] {
        return [...this.entries.values()];
    }

    restore(entries: LedgerEntry[]): void {
        this.entries.clear();
        entries.forEach((e) => this.entries.set(scopeKey(e), e));
    }
}
