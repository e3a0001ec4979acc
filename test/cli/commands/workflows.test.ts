// The GitHub Actions workflows of this repository, and the one docs/publishing.md tells users to copy:
// each parses, every job's steps are well formed, and the Pages pipeline has the pieces Pages needs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const workflowsDir = path.join(root, '.github/workflows');

type Step = { name?: string; id?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, unknown> };
type Job = { 'runs-on'?: string; needs?: string | string[]; steps?: Step[]; environment?: { name?: string; url?: string }; permissions?: Record<string, string> };
type Workflow = { name?: string; on?: Record<string, unknown>; permissions?: Record<string, string>; concurrency?: { group?: string; 'cancel-in-progress'?: boolean }; jobs?: Record<string, Job> };

function workflowFiles(): string[] {
  return fs
    .readdirSync(workflowsDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(workflowsDir, f));
}

/** The ```yaml blocks of a Markdown file that are GitHub workflows (they have `jobs:`). */
function workflowsInMarkdown(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]).filter((b) => /^jobs:/m.test(b));
}

/** Structure every workflow must have, whatever it does. */
function checkWellFormed(wf: Workflow, where: string): void {
  expect(wf.on, `${where}: on`).toBeTypeOf('object');
  expect(Object.keys(wf.jobs ?? {}).length, `${where}: jobs`).toBeGreaterThan(0);
  for (const [name, job] of Object.entries(wf.jobs!)) {
    expect(job['runs-on'], `${where}: ${name}.runs-on`).toBeTypeOf('string');
    expect(Array.isArray(job.steps) && job.steps.length > 0, `${where}: ${name}.steps`).toBe(true);
    for (const need of [job.needs ?? []].flat()) expect(Object.keys(wf.jobs!), `${where}: ${name}.needs`).toContain(need);
    const ids: string[] = [];
    for (const step of job.steps!) {
      // exactly one of uses / run
      expect(Number('uses' in step) + Number('run' in step), `${where}: ${name}: ${JSON.stringify(step)}`).toBe(1);
      if (step.uses) expect(step.uses, `${where}: pinned action`).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[\w.-]+$/);
      // a step's outputs are used only after a step with that id
      for (const m of JSON.stringify(step).matchAll(/steps\.([\w-]+)\.outputs/g)) expect(ids, `${where}: ${name}: steps.${m[1]}`).toContain(m[1]);
      if (step.id) ids.push(step.id);
    }
    if (job.environment?.url) {
      const m = /steps\.([\w-]+)\.outputs/.exec(job.environment.url);
      if (m) expect(job.steps!.map((s) => s.id), `${where}: ${name}.environment.url`).toContain(m[1]);
    }
  }
}

function step(job: Job, action: string): Step {
  const found = job.steps!.find((s) => s.uses?.startsWith(`${action}@`));
  expect(found, `a step that uses ${action}`).toBeDefined();
  return found!;
}

/** A GitHub Pages pipeline: build (checkout, Node 20 with npm cache, Utterson, artifact) then deploy-pages. */
function checkPagesPipeline(wf: Workflow, build: RegExp): void {
  expect(wf.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  expect(wf.concurrency?.group).toBeTypeOf('string');
  expect(wf.concurrency?.['cancel-in-progress']).toBe(false);
  const jobs = wf.jobs!;
  const buildJob = jobs.build;
  expect(buildJob).toBeDefined();
  const uses = buildJob.steps!.map((s) => s.uses?.replace(/@.*/, '')).filter(Boolean);
  expect(uses).toEqual(['actions/checkout', 'actions/setup-node', 'actions/configure-pages', 'actions/upload-pages-artifact']);
  expect(step(buildJob, 'actions/setup-node').with).toMatchObject({ 'node-version': 20, cache: 'npm' });
  expect(step(buildJob, 'actions/configure-pages').id).toBe('pages');
  expect(step(buildJob, 'actions/upload-pages-artifact').with).toMatchObject({ path: '_site' });
  const runs = buildJob.steps!.filter((s) => s.run).map((s) => s.run!.trim());
  expect(runs[0]).toBe('npm ci');
  expect(runs.some((r) => build.test(r))).toBe(true);
  // npm ci comes before the build, the build before the upload
  const order = buildJob.steps!.map((s) => s.uses?.replace(/@.*/, '') ?? s.run!.trim());
  expect(order.indexOf('npm ci')).toBeLessThan(order.findIndex((o) => build.test(o)));
  expect(order.findIndex((o) => build.test(o))).toBeLessThan(order.indexOf('actions/upload-pages-artifact'));

  const deploy = Object.values(jobs).find((j) => j.steps!.some((s) => s.uses?.startsWith('actions/deploy-pages@')))!;
  expect(deploy).toBeDefined();
  expect([deploy.needs].flat()).toContain('build');
  expect(deploy.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
  expect(step(deploy, 'actions/deploy-pages').id).toBe('deployment');
}

describe('GitHub workflows', () => {
  it('every workflow under .github/workflows parses and is well formed', () => {
    const files = workflowFiles();
    expect(files.map((f) => path.basename(f))).toContain('pages.yml');
    for (const file of files) checkWellFormed(yaml.load(fs.readFileSync(file, 'utf8')) as Workflow, path.basename(file));
  });

  it('pages.yml builds this repository with Utterson on pushes to main and deploys it to Pages', () => {
    const wf = yaml.load(fs.readFileSync(path.join(workflowsDir, 'pages.yml'), 'utf8')) as Workflow;
    expect(wf.on).toHaveProperty('push.branches', ['main']);
    expect(wf.on).toHaveProperty('workflow_dispatch');
    checkPagesPipeline(wf, /^npx utterson build --baseurl "\$\{\{ steps\.pages\.outputs\.base_path \}\}"$/);
  });

  it("the workflow in docs/publishing.md, for users' own sites, is a complete Pages pipeline", () => {
    const blocks = workflowsInMarkdown(path.join(root, 'docs/publishing.md'));
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const wf = yaml.load(block) as Workflow;
      checkWellFormed(wf, 'docs/publishing.md');
      checkPagesPipeline(wf, /npx utterson build --baseurl "\$\{\{ steps\.pages\.outputs\.base_path \}\}"/);
    }
  });
});
