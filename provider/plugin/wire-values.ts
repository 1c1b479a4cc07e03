/**
 * Values as a provider plugin receives and returns them. The SDK's provider server hands over the
 * engine's property values as plain JSON, in which a secret is an object tagged with Pulumi's
 * secret signature and an output value (from a program that passes outputs) one tagged with the
 * output signature. The core works on plain values: the plugin takes the tags off the inputs and
 * puts the secret tag back on the properties that must stay secret in state.
 */
import { specialOutputValueSig, specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";

type Wire = Record<string, unknown>;

/** True for a value tagged with one of Pulumi's signatures. */
function signatureOf(value: unknown): unknown {
    return value !== null && typeof value === "object" && !Array.isArray(value)
        ? (value as Wire)[specialSigKey]
        : undefined;
}

/** The value without its secret or output tags (an output whose value is not known is `unknownValue`). */
export function plainValue(value: unknown): unknown {
    const signature = signatureOf(value);
    if (signature === specialSecretSig) {
        return plainValue((value as Wire).value);
    }
    if (signature === specialOutputValueSig) {
        const wire = value as Wire;
        return "value" in wire ? plainValue(wire.value) : unknownValue;
    }
    if (Array.isArray(value)) {
        return value.map(plainValue);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plainValue(inner)]));
    }
    return value;
}

/** The properties without their tags. */
export function plainProperties(properties: Wire | undefined): Wire {
    return (plainValue(properties ?? {}) as Wire) ?? {};
}

/** A value the engine stores encrypted. */
export function secretValue(value: unknown): Wire {
    return { [specialSigKey]: specialSecretSig, value };
}

/** The properties with `secretKeys` (those present) tagged as secrets. */
export function withSecrets<T extends object>(properties: T, secretKeys: readonly string[]): Wire {
    const wire: Wire = { ...(properties as Wire) };
    for (const key of secretKeys) {
        if (wire[key] !== undefined) {
            wire[key] = secretValue(wire[key]);
        }
    }
    return wire;
}
