// Markdown on stdin -> kramdown-compatible HTML on stdout (Jekyll's default kramdown options).
import { readFileSync } from 'node:fs';
import { createMarkdownConverter } from '../src/markdown/index.js';

const input = readFileSync(0, 'utf8');
process.stdout.write(createMarkdownConverter().convert(input));
