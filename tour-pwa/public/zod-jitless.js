// Runs before the app's modules: the app's CSP forbids eval, so zod (inside @dunkirk/content)
// must not probe for it when its schemas are built. zod reads this global configuration object.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
