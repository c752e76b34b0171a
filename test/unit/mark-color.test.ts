import assert from 'node:assert/strict';
import { textOn } from '../../src/core/model/mark-color.js';
import { realEngine } from './engine-fixture.js';

/** WCAG contrast ratio between two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, b2] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b2!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('company marks', () => {
  it('writes black on light brand colours and white on dark ones', () => {
    assert.equal(textOn('#f38020'), '#000000', 'Cloudflare orange');
    assert.equal(textOn('#ff9900'), '#000000', 'AWS orange');
    assert.equal(textOn('#121212'), '#ffffff');
    assert.equal(textOn('not a colour'), '#ffffff');
  });

  it('makes every catalogue mark readable: at least 4.5:1, the WCAG AA ratio for small text', async () => {
    const weak = [...(await realEngine()).providers.values()].filter((p) => contrast(p.color, textOn(p.color)) < 4.5).map((p) => `${p.id} ${p.color}`);
    assert.deepEqual(weak, []);
  });
});
