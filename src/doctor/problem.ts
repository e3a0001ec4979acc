/** One thing `utterson doctor` found, with the file it is in (relative to the source when it can be). */
export type ProblemKind = 'config' | 'build' | 'conflict' | 'translation' | 'link' | 'image' | 'asset';

export interface Problem {
  kind: ProblemKind;
  file?: string;
  message: string;
}

const LABEL: Record<ProblemKind, string> = {
  config: 'Config',
  build: 'Build',
  conflict: 'Conflict',
  translation: 'Translation',
  link: 'Broken link',
  image: 'Missing image',
  asset: 'Missing file',
};

export function formatProblem(p: Problem): string {
  return `${LABEL[p.kind]}: ${p.file ? `${p.file}: ` : ''}${p.message}`;
}
