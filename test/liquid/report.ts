/** Prints every conformance difference: npx tsx test/liquid/report.ts */
import { groupRenderer, loadExpected, loadGroups } from './conformance-harness.js';

const expected = loadExpected();
let pass = 0;
let fail = 0;
for (const [group, { config, cases }] of loadGroups()) {
  const render = groupRenderer(config);
  for (const c of cases) {
    const key = `${group}/${c.name}`;
    const want = expected[key];
    const got = render(c);
    const ok = want && ('error' in want ? 'error' in got : 'output' in got && got.output === want.output);
    if (ok) pass++;
    else {
      fail++;
      console.log(`✗ ${key}\n   tpl:  ${JSON.stringify(c.tpl)}\n   want: ${JSON.stringify(want)}\n   got:  ${'output' in got ? JSON.stringify(got.output) : 'ERROR ' + String(got.error.message).split('\n')[0]}`);
    }
  }
}
console.log(`${pass} passed, ${fail} failed`);
