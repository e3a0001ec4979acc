// kramdown table rows split into cells: pipes outside code spans and not escaped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitRow } from '../../src/markdown/tables.js';

/** Kramdown's row split, character by character (as Utterson first wrote it). */
function referenceSplit(line: string): string[] {
  const cells: string[] = [''];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '`') {
      let j = i;
      while (line[j] === '`') j++;
      const delim = line.slice(i, j);
      const end = line.indexOf(delim, j);
      if (end > 0 && line[end + delim.length] !== '`') {
        cells[cells.length - 1] += line.slice(i, end + delim.length);
        i = end + delim.length;
        continue;
      }
      cells[cells.length - 1] += delim;
      i = j;
    } else if (c === '<' && line.startsWith('<code', i)) {
      const end = line.indexOf('</code>', i);
      if (end > 0) {
        cells[cells.length - 1] += line.slice(i, end + 7);
        i = end + 7;
        continue;
      }
      cells[cells.length - 1] += c;
      i++;
    } else if (c === '\\' && line[i + 1] === '|') {
      cells[cells.length - 1] += '|';
      i += 2;
    } else if (c === '|') {
      cells.push('');
      i++;
    } else {
      cells[cells.length - 1] += c;
      i++;
    }
  }
  return cells;
}

describe('splitRow', () => {
  it('splits at pipes outside code and escapes', () => {
    expect(splitRow('| a | `b|c` | d\\|e | <code>f|g</code> |')).toEqual(['', ' a ', ' `b|c` ', ' d|e ', ' <code>f|g</code> ', '']);
    expect(splitRow('``a`|`` | x')).toEqual(['``a`|`` ', ' x']);
    expect(splitRow('a \\ b | <b>c</b>')).toEqual(['a \\ b ', ' <b>c</b>']);
  });

  it('splits as the character-by-character reference does', () => {
    const piece = fc.constantFrom('|', '`', '``', '\\', '\\|', '<code>', '</code>', '<', 'a', ' ', 'bc');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const line = pieces.join('');
        expect(splitRow(line)).toEqual(referenceSplit(line));
      }),
      { numRuns: 3000 },
    );
  });
});
