/**
 * Checks a request body against the operation's input shape from RAM's model: required
 * members present, every member of the JSON type the model gives it. What a value means
 * (an ARN's form, a range) is each operation's business.
 */
import { isPlainObject } from "../plain-object";
import { ApiError } from "./api-error";
import type { Shape, StructureShape } from "./ram-schema";

function isPresent(value: unknown): boolean {
    // restJson1 treats an explicit null like an absent member.
    return value !== undefined && value !== null;
}

function typeError(path: string, expected: string): ApiError {
    return new ApiError("InvalidParameterException", `Value at '${path}' must be ${expected}.`);
}

function checkValue(shape: Shape, value: unknown, path: string): void {
    switch (shape.kind) {
        case "string":
            if (typeof value !== "string") {
                throw typeError(path, "a string");
            }
            return;
        case "number":
        case "timestamp":
            if (typeof value !== "number" || !Number.isFinite(value)) {
                throw typeError(path, "a number");
            }
            return;
        case "boolean":
            if (typeof value !== "boolean") {
                throw typeError(path, "a boolean");
            }
            return;
        case "list":
            if (!Array.isArray(value)) {
                throw typeError(path, "a list");
            }
            value.forEach((item, i) => checkValue(shape.member, item, `${path}.${i + 1}.member`));
            return;
        case "structure":
            if (!isPlainObject(value)) {
                throw typeError(path, "an object");
            }
            checkStructure(shape, value, `${path}.`);
            return;
        case "unchecked":
            return;
    }
}

function checkStructure(shape: StructureShape, input: Record<string, unknown>, prefix: string): void {
    for (const member of shape.required) {
        if (!isPresent(input[member])) {
            throw new ApiError(
                "MissingRequiredParameterException",
                `The request is missing the required parameter ${prefix}${member}.`,
            );
        }
    }
    for (const [member, memberShape] of shape.members) {
        if (isPresent(input[member])) {
            checkValue(memberShape, input[member], `${prefix}${member}`);
        }
    }
}

/** Throws RAM's `MissingRequiredParameterException` or `InvalidParameterException` for a body that does not fit. */
export function validateInput(shape: StructureShape, input: Record<string, unknown>): void {
    checkStructure(shape, input, "");
}
