/** `utterson serve` (alias `s`): runs the server until SIGINT/SIGTERM. */
import { serve, type ServeOptions } from './index.js';

export async function runServe(options: Record<string, unknown>): Promise<number> {
  const { no_watch: noWatch, ...rest } = options;
  const serveOptions = { ...rest } as ServeOptions;
  if (noWatch) serveOptions.watch = false;
  const handle = await serve(serveOptions);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await handle.close();
  return 0;
}
