#!/usr/bin/env node
// Tiny shim: let Node load the TypeScript sources through tsx, then run the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
