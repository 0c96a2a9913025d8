#!/usr/bin/env node
// Entry point for `caselint-language-server --stdio`. The real code is bundled into ../out/server.js.
require('../out/server.js');
