/**
 * What each output read while it rendered: its layouts, the include files, other items'
 * content (through `post.content`, `post.excerpt`, `page.content`…) and `site.data`. An
 * incremental rebuild re-renders exactly the outputs whose recorded inputs changed.
 */
import type { Document } from '../site/document.js';
import type { Page } from '../site/page.js';

export type Renderable = Document | Page;

export interface Dependencies {
  layouts: Set<string>;
  /** Absolute paths of include files. */
  includes: Set<string>;
  /** Items whose content, output or excerpt this output read. */
  contentOf: Set<Renderable>;
  data: boolean;
  /** Read `site.time` (differs between builds unless `time:` is pinned). */
  time: boolean;
}

export class DependencyRecorder {
  readonly graph = new Map<Renderable, Dependencies>();
  private current: Dependencies | undefined;
  private currentItem: Renderable | undefined;

  begin(item: Renderable): void {
    this.currentItem = item;
    this.current = { layouts: new Set(), includes: new Set(), contentOf: new Set(), data: false, time: false };
    this.graph.set(item, this.current);
  }

  end(): void {
    this.current = undefined;
    this.currentItem = undefined;
  }

  layout(name: string): void {
    this.current?.layouts.add(name);
  }

  include(absolutePath: string): void {
    this.current?.includes.add(absolutePath);
  }

  readContentOf(item: Renderable): void {
    if (this.current && item !== this.currentItem) this.current.contentOf.add(item);
  }

  readData(): void {
    if (this.current) this.current.data = true;
  }

  readTime(): void {
    if (this.current) this.current.time = true;
  }

  /** Outputs that read `item`'s content. */
  readersOf(item: Renderable): Renderable[] {
    const out: Renderable[] = [];
    for (const [reader, deps] of this.graph) if (deps.contentOf.has(item)) out.push(reader);
    return out;
  }

  usersOf(predicate: (deps: Dependencies) => boolean): Renderable[] {
    const out: Renderable[] = [];
    for (const [item, deps] of this.graph) if (predicate(deps)) out.push(item);
    return out;
  }
}
