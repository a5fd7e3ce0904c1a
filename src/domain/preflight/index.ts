export { preflight } from './preflight.js';
export { PLATFORM_SPECS, type PlatformSpec } from './specs.js';
