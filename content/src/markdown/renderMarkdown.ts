import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https?:|mailto:)/i;

const md = new MarkdownIt({ html: false, linkify: true, typographer: true });
// Images would fetch from third parties (privacy) and bypass the asset list: tours use image blocks.
md.disable('image');
md.validateLink = (url: string): boolean => SAFE_LINK.test(url.trim());

const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token) {
    token.attrSet('rel', 'noopener noreferrer');
    token.attrSet('target', '_blank');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/**
 * Tour text (Markdown) → HTML that is safe to insert: raw HTML is escaped, links go only to
 * http(s) or mailto, and there are no images. Isomorphic (markdown-it has no DOM dependency).
 */
export function renderMarkdown(text: string): string {
  return md.render(text);
}

/** One line of Markdown (titles, captions) without the surrounding paragraph. */
export function renderMarkdownInline(text: string): string {
  return md.renderInline(text);
}
