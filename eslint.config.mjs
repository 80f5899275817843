import nx from '@nx/eslint-plugin';

/** Infrastructure a pure domain file (decider, state, events, projection) must never reach for. */
const infrastructure = [
  '@nestjs/*',
  '@nats-io/*',
  '@kurrent/*',
  'pg',
  'better-sqlite3',
  'node:fs',
  'node:fs/*',
  'node:net',
  'node:http',
  'node:child_process',
];

export default [
  { ignores: ['**/dist', '**/node_modules', 'data', 'tmp', 'coverage', '.nx'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts', '**/*.mjs'],
    rules: {
      // Layering is a build error: services never import services, libs never import services,
      // contracts import nothing of ours (style.md, architecture.md).
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared', 'scope:gateway'] },
            { sourceTag: 'scope:intake', onlyDependOnLibsWithTags: ['scope:shared', 'scope:intake'] },
            { sourceTag: 'scope:case-tracking', onlyDependOnLibsWithTags: ['scope:shared', 'scope:case-tracking'] },
            { sourceTag: 'scope:analytics', onlyDependOnLibsWithTags: ['scope:shared', 'scope:analytics'] },
            { sourceTag: 'scope:notification', onlyDependOnLibsWithTags: ['scope:shared', 'scope:notification'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Deciders, states, events and projections are pure (style.md habit 1).
    files: [
      '**/*.decider.ts',
      '**/*.state.ts',
      '**/*.events.ts',
      '**/*.commands.ts',
      '**/*.projection.ts',
      'contracts/src/**/*.ts',
      'libs/event-sourcing/src/decider.ts',
      'libs/event-sourcing/src/hash-chain.ts',
      'libs/event-sourcing/src/chain-verifier.ts',
    ],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: infrastructure, message: 'Domain code is pure: no framework, driver or I/O imports.' }] },
      ],
    },
  },
  {
    // Tests and their child-process fixtures drive built packages by name and share the start
    // script's process helpers (scripts/lib); layering is enforced on production code.
    files: ['**/*.spec.ts', '**/test/**/*.ts', '**/test/**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
];
