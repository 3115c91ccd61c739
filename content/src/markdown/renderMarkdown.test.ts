import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../index';

describe('renderMarkdown: tour text is inert', () => {
  it('renders ordinary Markdown', () => {
    expect(renderMarkdown('Le **Mole** est *long*.')).toBe(
      '<p>Le <strong>Mole</strong> est <em>long</em>.</p>\n',
    );
  });

  it('escapes raw HTML, so <script> is text', () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'vbscript:x',
    'file:///etc/passwd',
  ])('does not make a link of %s', (url) => {
    const html = renderMarkdown(`[click](${url})`);
    expect(html).not.toContain('<a');
  });

  it('keeps http(s) and mailto links, opened safely in a new tab', () => {
    const html = renderMarkdown('[DK](https://www.ville-dunkerque.fr) [mail](mailto:info@example.org)');
    expect(html).toContain(
      '<a href="https://www.ville-dunkerque.fr" rel="noopener noreferrer" target="_blank">DK</a>',
    );
    expect(html).toContain('<a href="mailto:info@example.org"');
  });

  it('renders no images: they would fetch from third parties and bypass the asset list', () => {
    expect(renderMarkdown('![tracker](https://tracker.example/pixel.gif)')).not.toContain('<img');
  });

  it('escapes attribute breakouts inside link titles', () => {
    const html = renderMarkdown('[x](https://a.example "t\\" onmouseover=\\"alert(1)")');
    expect(html).not.toMatch(/onmouseover="/);
  });
});
