// Jest runs in ESM mode because NestJS 12 is ESM-only (see ../shared/docs/toolchain.md):
// node --experimental-vm-modules, .ts treated as ESM, transformed by swc with decorator metadata.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@bluehelm/contracts$': '<rootDir>/contracts/src/index.ts',
    '^@bluehelm/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^@bluehelm/([a-z-]+)/([a-z-]+)$': '<rootDir>/libs/$1/src/$2/index.ts',
  },
  testMatch: ['<rootDir>/{libs,services,contracts,test}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 30000,
  maxWorkers: 2,
};
