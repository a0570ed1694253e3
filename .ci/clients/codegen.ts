// GraphQL Code Generator config: TypeScript types for every example
// operation (examples/*.graphql), validated against the schema
// (schema.graphql), written to generated/operations.ts (gitignored) for
// use-types.ts and `tsc --strict`. Paths are relative to .ci/clients:
//
//   cd .ci/clients && node_modules/.bin/graphql-codegen --config codegen.ts
//
// Only the `typescript-operations` plugin. Since Codegen 6 it is standalone:
// it emits the enums and input types the operations use by itself, so the
// classic two-plugin config (`typescript` + `typescript-operations` into one
// file) declares them twice and `tsc --strict` rejects the output with
// TS2567 ("Enum declarations can only merge with namespace or other enum
// declarations") and TS2300 (duplicate `Exact`). `preResolveTypes` and
// `onlyOperationTypes`, which Codegen 5 needed for this, are no longer
// options in 6: the defaults below are the working config.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: ['../../examples/*.graphql'],
  overwrite: true,
  generates: {
    'generated/operations.ts': {
      plugins: ['typescript-operations'],
    },
  },
};

export default config;
