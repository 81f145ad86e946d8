import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "reports/**", "src/indexing/bank-data/bank.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "natural",
              message:
                "Import from src/util/natural.ts: the package root loads mongoose/pg/dotenv (1 s, stdout noise).",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='process'][callee.property.name='exit']",
          message: "Exit codes are set only in src/cli/main.ts.",
        },
      ],
    },
  },
  { files: ["src/cli/main.ts", "bench/**", "fuzz/**"], rules: { "no-restricted-syntax": "off" } },
);
