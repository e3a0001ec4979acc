import { describe, expect, it } from 'vitest';
import { buildFiles, TIME } from './build-site.js';

describe('jekyll-sitemap', () => {
  it('lists .html and .pdf static files with their modification time, not other static files', async () => {
    const built = await buildFiles(
      {
        '_config.yml': `${TIME}url: https://x.example\nplugins: [jekyll-sitemap]\n`,
        'static.html': '<p>no front matter</p>\n',
        'doc.pdf': '%PDF\n',
        'style.css': 'body{}\n',
        '404.html': '<p>not found</p>\n',
      },
      { 'static.html': 1700000000, 'doc.pdf': 1700003600 },
    );
    // Written by Jekyll 4.3.1 + jekyll-sitemap 1.4 for the same files and times.
    expect(built.read('sitemap.xml')).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd" xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '<url>',
        '<loc>https://x.example/doc.pdf</loc>',
        '<lastmod>2023-11-14T23:13:20+00:00</lastmod>',
        '</url>',
        '<url>',
        '<loc>https://x.example/static.html</loc>',
        '<lastmod>2023-11-14T22:13:20+00:00</lastmod>',
        '</url>',
        '</urlset>',
        '',
      ].join('\n'),
    );
    expect(built.read('robots.txt')).toBe('Sitemap: https://x.example/sitemap.xml\n');
  });

  it("keeps the site's own sitemap.xml and robots.txt", async () => {
    const built = await buildFiles({
      '_config.yml': `${TIME}plugins: [jekyll-sitemap]\n`,
      'sitemap.xml': 'mine\n',
      'robots.txt': 'User-agent: *\n',
    });
    expect(built.read('sitemap.xml')).toBe('mine\n');
    expect(built.read('robots.txt')).toBe('User-agent: *\n');
  });
});
