/**
 * Checks a request body against the operation's input shape from the service's model: required
 * members present, every member of the JSON type the model gives it. What a value means
 * (an ARN's form, a range) is each operation's business. Services name these refusals
 * differently, so the errors come from the caller ({@link ValidationErrors}; RAM's by default).
 */
import { isPlainObject } from "../plain-object";
import { ApiError } from "./api-error";
import type { Shape, StructureShape } from "./ram-schema";

function isPresent(value: unknown): boolean {
    // restJson1 treats an explicit null like an absent member.
    return value !== undefined && value !== null;
}

/** The errors a service answers a body that does not fit its model with. */
export interface ValidationErrors {
    missing(path: string): ApiError;
    wrongType(path: string, expected: string): ApiError;
}

/** RAM's: `MissingRequiredParameterException` and `InvalidParameterException`. */
export const RAM_VALIDATION_ERRORS: ValidationErrors = {
    missing: (path) =>
        new ApiError("MissingRequiredParameterException", `The request is missing the required parameter ${path}.`),
    wrongType: (path, expected) => new ApiError("InvalidParameterException", `Value at '${path}' must be ${expected}.`),
};

function checkValue(shape: Shape, value: unknown, path: string, errors: ValidationErrors): void {
    const typeError = (expected: string) => errors.wrongType(path, expected);
    switch (shape.kind) {
        case "string":
            if (typeof value !== "string") {
                throw typeError("a string");
            }
            return;
        case "number":
        case "timestamp":
            if (typeof value !== "number" || !Number.isFinite(value)) {
                throw typeError("a number");
            }
            return;
        case "boolean":
            if (typeof value !== "boolean") {
                throw typeError("a boolean");
            }
            return;
        case "list":
            if (!Array.isArray(value)) {
                throw typeError("a list");
            }
            value.forEach((item, i) => checkValue(shape.member, item, `${path}.${i + 1}.member`, errors));
            return;
        case "structure":
            if (!isPlainObject(value)) {
                throw typeError("an object");
            }
            checkStructure(shape, value, `${path}.`, errors);
            return;
        case "unchecked":
            return;
    }
}

function checkStructure(
    shape: StructureShape,
    input: Record<string, unknown>,
    prefix: string,
    errors: ValidationErrors,
): void {
    for (const member of shape.required) {
        if (!isPresent(input[member])) {
            throw errors.missing(`${prefix}${member}`);
        }
    }
    for (const [member, memberShape] of shape.members) {
        if (isPresent(input[member])) {
            checkValue(memberShape, input[member], `${prefix}${member}`, errors);
        }
    }
}

/** Throws one of `errors` (RAM's by default) for a body that does not fit the shape. */
export function validateInput(
    shape: StructureShape,
    input: Record<string, unknown>,
    errors: ValidationErrors = RAM_VALIDATION_ERRORS,
): void {
    checkStructure(shape, input, "", errors);
}
