import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built UI the till core serves in browser mode and the Electron window loads. */
export const RENDERER_INDEX = fileURLToPath(
  new URL('../../dist/renderer/index.html', import.meta.url),
);

/** Fails with what to run when the UI has not been built (the till core would serve no UI). */
export function requireBuiltRenderer(): void {
  if (!existsSync(RENDERER_INDEX))
    throw new Error(
      `${RENDERER_INDEX} does not exist: the till has no UI to serve. ` +
        `Run npm run build:renderer (npm run test:e2e does it before the specs).`,
    );
}
