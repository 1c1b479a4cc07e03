/**
 * How a property is written once: a typed table entry (its type, whether it is required or secret,
 * its description). The package schema (./package-schema.ts) is built from the tables, and the
 * TypeScript types of the shells and the core are derived from them here (`ObjectOf`), so the two
 * cannot disagree on a property's name, type or required-ness; the types a program is given are also
 * written out with their descriptions (../generated/types.ts), and held equal to these.
 */
import type { Input } from "@pulumi/pulumi";

/** The schema's primitive types, and the TypeScript type each stands for. */
interface Primitives {
    string: string;
    number: number;
    integer: number;
    boolean: boolean;
}

/** A named object type of the schema (`#/types/<token>`): its own table of properties. */
export interface ObjectType {
    readonly token: string;
    readonly description: string;
    readonly properties: PropertyTable;
}

/** A named string enum of the schema (`#/types/<token>`). */
export interface EnumType {
    readonly token: string;
    readonly description: string;
    readonly values: readonly { readonly value: string; readonly description: string }[];
}

/** The shape of a value: a primitive, a list, a map with string keys, or a named type. */
export type ValueSpec =
    | { readonly type: keyof Primitives }
    | { readonly type: "array"; readonly items: ValueSpec }
    | { readonly type: "map"; readonly values: ValueSpec }
    | { readonly type: "ref"; readonly to: ObjectType | EnumType };

/**
 * One property. `required`: an input the caller must give, or an output that is always present.
 * `secret`: kept secret in state whether or not the program marked it secret.
 */
export type PropertySpec = ValueSpec & {
    readonly description: string;
    readonly required?: boolean;
    readonly secret?: boolean;
};

export type PropertyTable = { readonly [name: string]: PropertySpec };

/** The values of an enum, as a union of string literals. */
export type EnumOf<E extends EnumType> = E["values"][number]["value"];

/** The TypeScript type of a value of shape `S`. */
export type ValueOf<S> = S extends { type: keyof Primitives }
    ? Primitives[S["type"]]
    : S extends { type: "array"; items: infer I }
      ? ValueOf<I>[]
      : S extends { type: "map"; values: infer V }
        ? Record<string, ValueOf<V>>
        : S extends { type: "ref"; to: infer E extends EnumType }
          ? EnumOf<E>
          : S extends { type: "ref"; to: { properties: infer P } }
            ? ObjectOf<P>
            : never;

type RequiredNames<T> = { [K in keyof T]: T[K] extends { required: true } ? K : never }[keyof T];

/** Flattens an intersection, so that an editor shows one object type. */
type Flat<T> = { [K in keyof T]: T[K] };

/** The TypeScript object of a table: a `required: true` property is non-optional, every other optional. */
export type ObjectOf<T> = Flat<
    { -readonly [K in RequiredNames<T>]: ValueOf<T[K]> } & {
        -readonly [K in Exclude<keyof T, RequiredNames<T>>]?: ValueOf<T[K]>;
    }
>;

/** The names of a table's properties, in the table's order: the keys an unknown-key check accepts. */
export function propertyNames<T extends PropertyTable>(table: T): (keyof T & string)[] {
    return Object.keys(table);
}

/** The names of a table's required properties. */
export function requiredNames<T extends PropertyTable>(table: T): (keyof T & string)[] {
    return propertyNames(table).filter((name) => table[name].required === true);
}

/** The names of a table's secret properties. */
export function secretNames<T extends PropertyTable>(table: T): (keyof T & string)[] {
    return propertyNames(table).filter((name) => table[name].secret === true);
}

/** The values of an enum, in the table's order. */
export function enumValues<E extends EnumType>(type: E): EnumOf<E>[] {
    return type.values.map((entry) => entry.value);
}

/** A resource's arguments in a program: each may be given as an Output (the dynamic shell's args). */
export type ResourceArgsOf<T> = { [K in keyof ObjectOf<T>]: Input<Exclude<ObjectOf<T>[K], undefined>> };
