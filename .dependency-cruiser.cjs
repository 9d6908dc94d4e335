/**
 * Dependency rules: apps -> libs; search-core, ingest and cross-lingual -> text-analysis;
 * nothing else; the Meilisearch client only inside search-core.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-lib-to-app',
      severity: 'error',
      comment: 'Libraries never import applications.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-app-to-app',
      severity: 'error',
      comment: 'Applications never import each other.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'text-analysis-is-pure',
      severity: 'error',
      comment: 'text-analysis imports no other library and does no I/O.',
      from: { path: '^libs/text-analysis/' },
      to: {
        path: [
          '^libs/(?!text-analysis/)',
          '^(fs|net|http|https|child_process|node:fs|node:net|node:http|node:child_process)$',
        ],
      },
    },
    {
      name: 'libs-depend-on-text-analysis-only',
      severity: 'error',
      comment: 'search-core, ingest and cross-lingual may use text-analysis, not each other.',
      from: { path: '^libs/(search-core|ingest|cross-lingual)/' },
      to: { path: '^libs/(search-core|ingest|cross-lingual)/', pathNot: '^libs/$1/' },
    },
    {
      name: 'meilisearch-client-in-search-core',
      severity: 'error',
      comment:
        'The search engine boundary is libs/search-core: the apps and the other libraries never use the Meilisearch client (its search port and adapters are the way in).',
      from: { path: '^(apps/|libs/(?!search-core/))' },
      to: { path: 'node_modules/meilisearch/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.spec\\.ts$)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
