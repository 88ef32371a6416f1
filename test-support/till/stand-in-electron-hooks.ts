// `node --import tsx --import <this>`: resolves `electron` to the stand-in next to this file.
import { register } from 'node:module';

const standIn = new URL('./stand-in-electron.ts', import.meta.url).href;
const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return next(${JSON.stringify(standIn)}, context);
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
