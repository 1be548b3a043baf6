import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Imports one of the playground page's own modules (plain browser JavaScript, no build step) from
 * src/emulator/playground/static/. Only modules that touch no DOM can be loaded here.
 */
export async function staticModule<T>(name: string): Promise<T> {
  const dir = fileURLToPath(new URL('../../../src/emulator/playground/static/', import.meta.url));
  return (await import(pathToFileURL(`${dir}${name}`).href)) as T;
}
