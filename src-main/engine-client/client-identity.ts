import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { tillUserAgent, type EngineClientOptions } from './engine-client';

const packageJson = z.object({ version: z.string() });

/** This till's version, from the package it was built from. */
export function tillVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return packageJson.parse(JSON.parse(text)).version;
}

/**
 * What every engine client of this till sends and accepts, whoever makes it (the till, the
 * doctor): its name, the answer size cap, and the CA it trusts (read from `engineCaFile`,
 * which the configuration checked when it loaded).
 */
export function tillClientOptions(config: {
  readonly storeCode: string;
  readonly terminalId: string;
  readonly engineAnswerMaxBytes: number;
  readonly engineCaFile?: string | undefined;
}): Pick<EngineClientOptions, 'userAgent' | 'maxAnswerBytes' | 'ca'> {
  return {
    userAgent: tillUserAgent(tillVersion(), `${config.storeCode}-${config.terminalId}`),
    maxAnswerBytes: config.engineAnswerMaxBytes,
    ...(config.engineCaFile === undefined ? {} : { ca: readFileSync(config.engineCaFile, 'utf8') }),
  };
}
