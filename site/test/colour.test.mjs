// The colour arithmetic against known values (CSS Color 4's conversions, WCAG's examples).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rgbOf, formatsOf, labelColour, luminance, contrast, asCss, asJson, asTailwind } from '../js/colour.js';

test('one colour in every notation', () => {
  assert.deepEqual(rgbOf('#a13a18'), [161, 58, 24]);
  assert.deepEqual(formatsOf('#ff0000'), {
    hex: '#ff0000',
    rgb: 'rgb(255 0 0)',
    hsl: 'hsl(0 100% 50%)',
    oklch: 'oklch(62.8% 0.258 29.2)',
  });
  assert.equal(formatsOf('#ffffff').oklch, 'oklch(100% 0 0)');
  assert.equal(formatsOf('#808080').hsl, 'hsl(0 0% 50%)');
  assert.equal(formatsOf('#0000ff').hsl, 'hsl(240 100% 50%)');
});

test('the label colour always reads at 4.5:1 or better', () => {
  assert.equal(labelColour([255, 255, 0]), '#000000');
  assert.equal(labelColour([0, 0, 128]), '#ffffff');
  assert.equal(contrast(luminance([255, 255, 255]), luminance([0, 0, 0])).toFixed(0), '21');
  for (let i = 0; i < 4096; i++) {
    const rgb = [(i >> 8) * 17, ((i >> 4) & 15) * 17, (i & 15) * 17];
    const label = labelColour(rgb) === '#000000' ? 0 : 1;
    assert.ok(contrast(luminance(rgb), label) >= 4.5, `${rgb}`);
  }
});

test('the palette as CSS variables, JSON and a Tailwind-style object', () => {
  const colours = [
    { hex: '#a13a18', share: 0.6 },
    { hex: '#ebcbad', share: 0.4 },
  ];
  assert.equal(asCss(colours), ':root {\n  --palette-1: #a13a18;\n  --palette-2: #ebcbad;\n}\n');
  const json = JSON.parse(asJson(colours));
  assert.deepEqual(json[0], {
    hex: '#a13a18',
    rgb: 'rgb(161 58 24)',
    hsl: 'hsl(15 74% 36%)',
    oklch: json[0].oklch,
    share: 0.6,
  });
  assert.match(json[0].oklch, /^oklch\(\d+(\.\d)?% 0\.\d{3} \d+(\.\d)?\)$/);
  assert.equal(asTailwind(colours), "colors: {\n  palette: {\n    1: '#a13a18',\n    2: '#ebcbad',\n  },\n},\n");
});
