import type { PlatformModule } from './core/context.js';

/** The platform modules the sandbox serves; each one owns its folder under sandbox/. */
export const platformModules: PlatformModule[] = [];
