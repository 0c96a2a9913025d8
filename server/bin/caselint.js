#!/usr/bin/env node
// Entry point for the `caselint` command. The real code is bundled into ../out/cli.js by `npm run build`.
require('../out/cli.js');
