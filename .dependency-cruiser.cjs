/**
 * The shape of src/ (DESIGN.md "Shape"), checked in `npm test`: imports point down the layers only,
 * no module imports itself round a cycle, siblings on one layer keep to themselves, and the domain
 * stays pure (no Node I/O, no SDK). `process.env` outside src/config.ts is an ESLint rule.
 */
// Lowest first. A folder may import its own layer's shared parts and anything below, never above.
const LAYERS = [
  ['domain', 'util'],
  ['text'],
  // Settings may check configurable wording (an authority's audit standards) with the word check.
  ['config.ts', 'config-production.ts', 'config-feedback.ts', 'config-local.ts', 'config-error.ts'],
  ['store'],
  ['cards'],
  ['delivery'],
  ['services'],
  ['teams', 'web', 'ingest'],
  ['app'],
  ['functions', 'local', 'cli'],
];

const pathOf = (name) => (name.endsWith('.ts') ? `^src/${name.replace('.', '\\.')}$` : `^src/${name}/`);
const above = (index) =>
  LAYERS.slice(index + 1)
    .flat()
    .map(pathOf);

const upward = LAYERS.flatMap((layer, index) =>
  index === LAYERS.length - 1
    ? []
    : layer.map((name) => ({
        name: `no-upward-from-${name.replace('.ts', '')}`,
        comment: `${name} is below ${LAYERS.slice(index + 1)
          .flat()
          .join(', ')}: it must not import them`,
        severity: 'error',
        from: { path: pathOf(name) },
        to: { path: above(index) },
      })),
);

// Folders that share a layer but are separate adapters or parts: they do not import each other.
const SIBLINGS = [
  ['teams', 'web', 'ingest'],
  ['functions', 'local', 'cli'],
];
const siblings = SIBLINGS.flatMap((group) =>
  group.map((name) => ({
    name: `no-sibling-from-${name}`,
    comment: `${name} is an adapter beside ${group.filter((n) => n !== name).join(', ')}: share code through a lower layer`,
    severity: 'error',
    from: { path: pathOf(name) },
    to: { path: group.filter((n) => n !== name).map(pathOf) },
  })),
);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules importing each other round a cycle: split the shared part out',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...upward,
    ...siblings,
    {
      name: 'pure-domain',
      comment: 'src/domain is pure: no Node I/O, no SDK; parsing (zod) and date maths (date-fns) only',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        pathNot: ['node_modules/(zod|date-fns|@date-fns/tz)/'],
      },
    },
    {
      name: 'small-util',
      comment: 'src/util holds small helpers on Node alone: no SDK or package',
      severity: 'error',
      from: { path: '^src/util/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that resolves to nothing',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules|tests)/' },
  },
};
