// One linter for all TypeScript in the repository; formatting is Prettier's (.prettierrc.json).
// Type-aware rules read tsconfig.json, so `npm run lint` also sees what `tsc` sees.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["node_modules/", "bin/", ".tools/", "**/*.js", "**/*.mjs"] },
    js.configs.recommended,
    tseslint.configs.recommended,
    // Before the rules below: it turns off curly and max-len, which this project wants on.
    prettier,
    {
        languageOptions: {
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
        },
        rules: {
            curly: ["error", "all"],
            eqeqeq: ["error", "always"],
            "max-len": ["error", { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }],
            "no-var": "error",
            "prefer-const": "error",
            "@typescript-eslint/no-floating-promises": "error",
            "@typescript-eslint/no-misused-promises": "error",
            "@typescript-eslint/await-thenable": "error",
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
            "@typescript-eslint/no-unused-expressions": ["error", { allowShortCircuit: false }],
            "@typescript-eslint/no-require-imports": "off",
        },
    },
    {
        // chai's `expect(x).to.be.true` style reads as an expression statement.
        files: ["test/**/*.ts"],
        rules: { "@typescript-eslint/no-unused-expressions": "off", "@typescript-eslint/no-non-null-assertion": "off" },
    },
);
