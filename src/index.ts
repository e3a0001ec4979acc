/** Utterson's programmatic API. */
export { build, type BuildOptions, type BuildResult } from './build.js';
export { loadConfig, type SiteConfig, type ConfigOverrides } from './config/load.js';
export { BuildError, type Diagnostic } from './diagnostics/diagnostic.js';
export { main } from './cli/main.js';
export { serve, type ServeOptions, ServerHandle } from './serve/index.js';
export { IncrementalBuilder, type ChangeSet, type RebuildResult } from './incremental/builder.js';
