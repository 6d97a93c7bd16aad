#!/usr/bin/env node
// `bindlab`: the command line over this package's binding (see @bindlab/api/lib/cli.js).
'use strict';

require('@bindlab/api/lib/cli.js').main(require('..'), process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
