import type { PlatformModule } from './core/context.js';
import { youtubeModule } from './youtube/module.js';
import { instagramModule } from './instagram/module.js';
import { tiktokModule } from './tiktok/module.js';

/** The platform modules the sandbox serves; each one owns its folder under sandbox/. */
export const platformModules: PlatformModule[] = [youtubeModule(), instagramModule(), tiktokModule()];
