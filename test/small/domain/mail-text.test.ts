import { describe, expect, it } from 'vitest';
import { plainMailName } from '../../../src/domain/mail-text.js';

// Something a mail client would turn into a link: a scheme, "www.", an address, or labels joined by a dot.
const LINKABLE = /:\/\/|\bwww\.|@|[\p{L}\p{N}-][.\u3002\uFF0E\uFF61][\p{L}\p{N}]/u;

describe('plainMailName', () => {
  it.each([
    ['Ada Lovelace', 'Ada Lovelace'],
    ["Ada's workspace", "Ada's workspace"],
    ['Team: Alpha', 'Team: Alpha'],
    ['Dr. Grace Hopper', 'Dr. Grace Hopper'],
    ['Visit https://evil.example or evil.example', 'Visit evil. example or evil. example'],
    ['www.evil.example', 'evil. example'],
    ['HTTP://EVIL.EXAMPLE/path?q=1', 'EVIL. EXAMPLE path?q=1'],
    ['mailto:boss@evil.example', 'boss evil. example'],
    ['javascript:alert(1)', 'alert(1)'],
    ['evil\u3002example', 'evil. example'],
    ['evil\uFF0Eexample', 'evil. example'],
    ['evil\u2024example', 'evil. example'],
    ['1.2.3.4', '1. 2. 3. 4'],
    ['Line\r\nBcc: victim@example.com', 'Line Bcc: victim example. com'],
    ['Bell\u0007 and\u0000nul', 'Bell and nul'],
    ['abc\u202Egnp.exe', 'abc gnp. exe'],
    ['zero\u200Bwidth', 'zero width'],
    ['  many    spaces\t\there  ', 'many spaces here'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(plainMailName(input)).toBe(expected);
    expect(plainMailName(input)).not.toMatch(LINKABLE);
  });

  it('cuts long names to the limit with an ellipsis, counting characters rather than UTF-16 units', () => {
    expect(plainMailName('x'.repeat(200))).toBe(`${'x'.repeat(59)}…`);
    expect([...plainMailName('😀'.repeat(30), 10)]).toHaveLength(10);
    expect(plainMailName('short', 10)).toBe('short');
  });
});
