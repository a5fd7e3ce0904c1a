import { describe, expect, it } from 'vitest';
import { briefInput } from '../../../src/api/content.js';
import type { Brief } from '../../../src/domain/content.js';
import {
  musicIdentity,
  musicOf,
  musicParameter,
  parseMusicChoice,
  withoutMusic,
} from '../../../src/domain/music/index.js';

describe('music choices', () => {
  it.each([
    ['none', { kind: 'none' }, 'none', null],
    ['builtin:calm', { kind: 'builtin', track: 'calm' }, 'builtin:calm', 'builtin:calm@v1'],
    ['builtin:bright', { kind: 'builtin', track: 'bright' }, 'builtin:bright', 'builtin:bright@v1'],
    ['library:01jasset', { kind: 'library', assetId: '01jasset' }, 'library', 'library:01jasset'],
  ] as const)('%s is %o, recorded as %s, cached as %s', (choice, parsed, parameter, identity) => {
    expect(parseMusicChoice(choice)).toEqual(parsed);
    expect(musicParameter(choice)).toBe(parameter);
    expect(musicIdentity(choice)).toBe(identity);
  });

  it('treats a brief stored before music existed as having none', () => {
    const { music: _music, ...stored } = briefInput.parse({ topic: 'Cold brew' });
    expect(musicOf(stored as Brief)).toBe('none');
    expect(musicOf({ ...stored, music: 'builtin:calm' })).toBe('builtin:calm');
  });

  it('leaves the music out of what the other stages are keyed by, and nothing else', () => {
    const brief = briefInput.parse({ topic: 'Cold brew', music: 'builtin:bright' });
    const { music: _music, ...rest } = brief;
    expect(withoutMusic(brief)).toEqual(rest);
    expect(withoutMusic(brief)).toEqual(withoutMusic({ ...brief, music: 'none' }));
  });

  it.each(['none', 'builtin:calm', 'library:01jabc'])('the API takes %s', (music) => {
    expect(briefInput.parse({ topic: 'Cold brew', music }).music).toBe(music);
  });

  it.each(['builtin:jazz', 'library:', 'library:../x', 'calm'])('the API refuses %s', (music) => {
    expect(briefInput.safeParse({ topic: 'Cold brew', music }).success).toBe(false);
  });
});
