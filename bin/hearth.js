#!/usr/bin/env node
// The `hearth` command: the compiled CLI (npm ci builds it; `npm run hearth` rebuilds first).
require('../dist/src/cli/main.js').main(process.argv);
