import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import type { Random } from './fuzz-random';
import { type FuzzData, type FuzzRoute, type Json } from './fuzz-routes';

/** One request as the fuzzer sends it, with what was done to the valid request it came from. */
export interface FuzzRequest {
  /** "POST /auth/add-basket": the catalogue entry it came from. */
  readonly route: string;
  readonly method: string;
  /** Path and query string, as sent. */
  readonly target: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer | null;
  readonly mutations: readonly string[];
  /** Send part of the body, then close the connection. */
  readonly abort: boolean;
  /** The basket code a basket call names: if it is refused, nothing may be stored under it. */
  readonly basketCode: string | null;
}

/**
 * `mixed`: valid requests and requests broken in any way (some are accepted); `refused`: each
 * request also carries one defect the engine must refuse whoever sends it, so none may write.
 */
export type FuzzPhase = 'mixed' | 'refused';

type Fields = Record<string, Json>;
type Carrier = 'json' | 'form' | 'query';

interface Plan {
  method: string;
  path: string;
  carrier: Carrier;
  fields: Json;
  headers: Record<string, string>;
  /** Replaces the serialised fields as the body when set. */
  rawBody: Buffer | null;
  /** Already encoded `name=value` pairs, put before the fields in the query string. */
  query: string[];
  mutations: string[];
  abort: boolean;
}

const CALLER_HEADERS = [
  'authorization',
  'x-api-key',
  'x-spaaza-session-user-id',
  'x-spaaza-session-key',
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];
const NOT_COMPRESSED = Buffer.from('this body is not compressed');

/**
 * Nesting thousands of levels deep cannot pass through JSON.stringify (nor any recursive walk of
 * the fuzzer's own), so a deep value stands in the fields as this mark until it is serialised.
 */
const deepMark = (depth: number) => `@@nested ${depth} deep@@`;
const DEEP_MARK = /"@@nested (\d+) deep@@"/g;
const deepText = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

const toJsonText = (value: Json) =>
  JSON.stringify(value).replace(DEEP_MARK, (_, depth: string) => deepText(Number(depth)));

function deep(depth: number, random: Random): Json {
  let value: Json = random.chance(0.5) ? 1 : 'leaf';
  for (let level = 0; level < depth; level += 1)
    value = random.chance(0.5) ? [value] : { a: value };
  return value;
}

/** Values no field wants: wrong types, extremes, odd text. */
function nastyValue(random: Random): Json {
  const choices: (() => Json)[] = [
    () => null,
    () => random.chance(0.5),
    () => 0,
    () => -1,
    () => -0.5,
    () => 1e308,
    () => -1e308,
    () => 2 ** 53 + 1,
    () => 1e21,
    () => 0.1 + 0.2,
    () => 123_456_789.123_456_79,
    () => 'NaN',
    () => 'Infinity',
    () => '-Infinity',
    () => '1e309',
    () => '0x10',
    () => '-5',
    () => '1.005',
    () => '1,50',
    () => '12abc',
    () => '',
    () => '   ',
    () => '💥🧾',
    () => '\u202e\u0301ǅ',
    () => '\ud800',
    () => "' OR 1=1 --",
    () => '%00',
    () => '../../etc/passwd',
    () => '2027-02-30',
    () => '0000-00-00',
    () => '9999-12-31',
    () => '2027-01-31T25:61:00Z',
    () => 'x'.repeat(1 + random.int(5000)),
    () => [],
    () => [1, 'two', null],
    () => ({}),
    () => ({ nested: { deeper: [1] } }),
    () => deep(1 + random.int(40), random),
  ];
  return random.pick(choices)();
}

/** Every path to a value in the fields, containers included. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const paths: (string | number)[][] = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value))
    value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

function containerAt(root: Json, path: readonly (string | number)[]): Json | undefined {
  let node: Json | undefined = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (typeof node === 'object' && node !== null && !Array.isArray(node))
      node = node[String(segment)];
    else return undefined;
  }
  return node;
}

/** Sets (or with `undefined` removes) the value at a path, in place. */
function setAt(root: Json, path: readonly (string | number)[], value: Json | undefined): void {
  const parent = containerAt(root, path.slice(0, -1));
  const last = path.at(-1);
  if (last === undefined) return;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (value === undefined) parent.splice(last, 1);
    else parent[last] = value;
  } else if (typeof parent === 'object' && parent !== null && !Array.isArray(parent)) {
    if (value === undefined) Reflect.deleteProperty(parent, String(last));
    else parent[String(last)] = value;
  }
}

function randomPath(plan: Plan, random: Random): (string | number)[] | null {
  const paths = pathsOf(plan.fields);
  return paths.length === 0 ? null : random.pick(paths);
}

function stringPaths(value: Json): (string | number)[][] {
  return pathsOf(value).filter((path) => typeof containerAt(value, path) === 'string');
}

function fieldsObject(plan: Plan): Fields {
  if (typeof plan.fields === 'object' && plan.fields !== null && !Array.isArray(plan.fields))
    return plan.fields;
  const fields: Fields = {};
  plan.fields = fields;
  return fields;
}

/** Lone surrogates cannot be percent-encoded as UTF-8; they go as the replacement character. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const encode = (text: string) => encodeURIComponent(text.replace(LONE_SURROGATE, '\ufffd'));

function encodePairs(fields: Json): string[] {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
    return [`value=${encode(toJsonText(fields))}`];
  return Object.entries(fields).flatMap(([key, value]) => {
    const values = Array.isArray(value) ? value : [value];
    return values.map((item) => {
      const text = typeof item === 'string' ? item : item === null ? '' : toJsonText(item);
      return `${encode(key)}=${encode(text)}`;
    });
  });
}

function manyPairs(random: Random): string[] {
  return Array.from({ length: 101 + random.int(300) }, (_, index) => `p${index}=${index}`);
}

function pathWith(plan: Plan, random: Random, junk: string): string {
  const segments = plan.path.split('/');
  const index = 1 + random.int(Math.max(1, segments.length - 1));
  segments[index] = random.chance(0.5) ? junk : `${segments[index] ?? ''}${junk}`;
  return segments.join('/');
}

const MUTATORS: Readonly<Record<string, (plan: Plan, random: Random) => void>> = {
  'replace-field': (plan, random) => {
    const path = randomPath(plan, random);
    if (path) setAt(plan.fields, path, nastyValue(random));
    else fieldsObject(plan).extra = nastyValue(random);
  },
  'drop-field': (plan, random) => {
    const path = randomPath(plan, random);
    if (path) setAt(plan.fields, path, undefined);
  },
  'extra-field': (plan, random) => {
    const name = random.pick([
      '__proto__',
      'constructor',
      'toString',
      'chain_id',
      'extra',
      '',
      'ключ',
      'k'.repeat(300),
    ]);
    fieldsObject(plan)[name] = nastyValue(random);
  },
  'array-for-scalar': (plan, random) => {
    const path = randomPath(plan, random);
    const value = path ? containerAt(plan.fields, path) : undefined;
    if (path && value !== undefined) setAt(plan.fields, path, [value, value]);
  },
  'whole-body': (plan, random) => {
    plan.fields = random.pick<Json>([
      [],
      null,
      42,
      'text',
      [plan.fields],
      { wrapped: plan.fields },
    ]);
  },
  carrier: (plan, random) => {
    plan.carrier = random.pick<Carrier>(['json', 'form', 'query']);
  },
  'bad-json': (plan, random) => {
    const text = toJsonText(plan.fields);
    plan.carrier = 'json';
    plan.rawBody = Buffer.from(
      random.pick([
        text.slice(0, Math.max(1, random.int(text.length))),
        `${text},`,
        `\ufeff${text}`,
        text.replace(/:/, '::'),
        "{'single': 'quotes'}",
        '{"a":1,}',
        '',
        '\u0000',
      ]),
    );
  },
  'raw-number': (plan, random) => {
    plan.carrier = 'json';
    const text = toJsonText(plan.fields);
    const odd = random.pick(['NaN', 'Infinity', '-Infinity', '1e99999', '-', '0x1F', '01', '.5']);
    plan.rawBody = Buffer.from(/\d+(\.\d+)?/.test(text) ? text.replace(/\d+(\.\d+)?/, odd) : odd);
  },
  'content-type': (plan, random) => {
    plan.headers['content-type'] = random.pick([
      'text/plain',
      'application/xml',
      'multipart/form-data; boundary=fuzz',
      'application/json; charset=utf-7',
      'application/json; charset=latin1',
      'application/x-www-form-urlencoded; charset=ebcdic',
      'application/JSON',
      'application/x-www-form-urlencoded',
      'application/json',
      '*/*',
      'application/json, text/plain',
      '',
    ]);
  },
  'content-encoding': (plan, random) => {
    plan.headers['content-encoding'] = random.pick([
      'gzip',
      'deflate',
      'br',
      'identity',
      'compress',
      'gzip, gzip',
      'x-fuzz',
      'GZIP',
    ]);
    if (random.chance(0.5)) plan.rawBody = NOT_COMPRESSED;
    else plan.mutations.push('(compressed)');
  },
  'many-params': (plan, random) => {
    plan.carrier = random.chance(0.5) ? 'form' : 'query';
    plan.query.push(...(plan.carrier === 'query' ? manyPairs(random) : []));
    if (plan.carrier === 'form') plan.rawBody = Buffer.from(manyPairs(random).join('&'));
  },
  'duplicate-params': (plan, random) => {
    const fields = fieldsObject(plan);
    const key = random.pick([...Object.keys(fields), 'member_number']);
    plan.query.push(`${encode(key)}=1`, `${encode(key)}=2`);
    if (random.chance(0.5)) fields[key] = ['a', 'b'];
  },
  'path-escape': (plan, random) => {
    const junk = random.pick([
      '%',
      '%zz',
      '%E0%A4%A',
      '%00',
      '..%2F..%2Fetc',
      '%2e%2e',
      '%252e',
      '%F0%9F%92%A5',
      'x'.repeat(2000),
      '%20',
      '00000000-0000-0000-0000-000000000000',
      '-1',
      '1e3',
    ]);
    plan.path = random.pick([
      () => pathWith(plan, random, junk),
      () => plan.path.toUpperCase(),
      () => `${plan.path}/`,
      () => plan.path.replace('/', '//'),
    ])();
  },
  method: (plan, random) => {
    plan.method = random.pick(METHODS);
  },
  nul: (plan, random) => {
    const paths = stringPaths(plan.fields);
    if (paths.length > 0) {
      const path = random.pick(paths);
      const text = containerAt(plan.fields, path);
      if (typeof text === 'string') setAt(plan.fields, path, `${text}\u0000`);
    } else fieldsObject(plan)['nul\u0000'] = 'x';
  },
  deep: (plan, random) => {
    const depth = random.pick([5, 31, 33, 200, 5000]);
    fieldsObject(plan).loose = depth > 40 ? deepMark(depth) : deep(depth, random);
  },
  'long-string': (plan, random) => {
    const paths = stringPaths(plan.fields);
    const long = 'y'.repeat(random.pick([1000, 70_000, 300_000]));
    if (paths.length > 0) setAt(plan.fields, random.pick(paths), long);
    else fieldsObject(plan).long = long;
  },
  headers: (plan, random) => {
    plan.headers[
      random.pick(['x-spaaza-api-version', 'x-request-id', 'accept', 'x-forwarded-for'])
    ] = random.pick(['9.9.9', 'abc', '1.6.5', '0.0.0', '99999999999999999999.1.1', '../x']);
  },
  abort: (plan) => {
    plan.abort = true;
  },
};

const MIXED_WEIGHTS: readonly (readonly [string, number])[] = [
  ['replace-field', 6],
  ['drop-field', 3],
  ['extra-field', 2],
  ['array-for-scalar', 2],
  ['whole-body', 1],
  ['carrier', 2],
  ['bad-json', 1.5],
  ['raw-number', 1],
  ['content-type', 1.5],
  ['content-encoding', 1.5],
  ['many-params', 1],
  ['duplicate-params', 1.5],
  ['path-escape', 1.5],
  ['method', 1],
  ['nul', 1.5],
  ['deep', 1.5],
  ['long-string', 1],
  ['headers', 1],
  ['abort', 0.05],
];

/** Defects the engine must refuse at its edge whatever the call and the caller. */
const REFUSED: Readonly<Record<string, (plan: Plan, random: Random) => void>> = {
  'nul-in-query': (plan) => {
    plan.query.unshift('fuzz=%00');
  },
  'nul-in-path': (plan, random) => {
    plan.path = pathWith(plan, random, '%00');
  },
  'malformed-path': (plan, random) => {
    plan.path = pathWith(plan, random, random.pick(['%', '%zz', '%E0%A4%A', '%C0']));
  },
  'too-deep': (plan, random) => {
    plan.carrier = 'json';
    plan.rawBody = Buffer.from(toJsonText({ loose: deepMark(33 + random.int(6000)) }));
    plan.headers['content-type'] = 'application/json';
    Reflect.deleteProperty(plan.headers, 'content-encoding');
  },
  'bad-json': (plan) => {
    plan.carrier = 'json';
    plan.rawBody = Buffer.from('{"entity": {');
    plan.headers['content-type'] = 'application/json';
    Reflect.deleteProperty(plan.headers, 'content-encoding');
  },
  'corrupt-encoding': (plan, random) => {
    plan.carrier = 'json';
    plan.rawBody = NOT_COMPRESSED;
    plan.headers['content-type'] = 'application/json';
    plan.headers['content-encoding'] = random.pick(['gzip', 'deflate', 'br']);
  },
  'too-many-form-fields': (plan, random) => {
    plan.carrier = 'form';
    plan.rawBody = Buffer.from(manyPairs(random).join('&'));
    plan.headers['content-type'] = 'application/x-www-form-urlencoded';
    Reflect.deleteProperty(plan.headers, 'content-encoding');
  },
  'too-large': (plan) => {
    plan.carrier = 'json';
    plan.rawBody = Buffer.from(JSON.stringify({ big: 'z'.repeat(300_000) }));
    plan.headers['content-type'] = 'application/json';
    Reflect.deleteProperty(plan.headers, 'content-encoding');
  },
  'no-caller': (plan) => {
    for (const header of CALLER_HEADERS) Reflect.deleteProperty(plan.headers, header);
  },
};

function serialise(plan: Plan): { target: string; body: Buffer | null } {
  const pairs = [...plan.query, ...(plan.carrier === 'query' ? encodePairs(plan.fields) : [])];
  const target = pairs.length > 0 ? `${plan.path}?${pairs.join('&')}` : plan.path;
  let body = plan.rawBody;
  if (body === null && plan.carrier === 'json') {
    body = Buffer.from(toJsonText(plan.fields));
    plan.headers['content-type'] ??= 'application/json';
  }
  if (body === null && plan.carrier === 'form') {
    body = Buffer.from(encodePairs(plan.fields).join('&'));
    plan.headers['content-type'] ??= 'application/x-www-form-urlencoded';
  }
  if (plan.rawBody !== null && plan.carrier !== 'query')
    plan.headers['content-type'] ??=
      plan.carrier === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
  if (body !== null && plan.mutations.includes('(compressed)')) {
    const encoding = plan.headers['content-encoding'] ?? '';
    body = encoding.startsWith('gzip')
      ? gzipSync(body)
      : encoding === 'deflate'
        ? deflateSync(body)
        : encoding === 'br'
          ? brotliCompressSync(body)
          : body;
  }
  return { target, body };
}

/** A request for `route` from a caller (its headers), broken as the phase asks. */
export function fuzzRequest(
  route: FuzzRoute,
  callerHeaders: Record<string, string>,
  data: FuzzData,
  random: Random,
  phase: FuzzPhase,
): FuzzRequest {
  const fields = route.fields(data, random);
  const named =
    containerAt(fields, ['basket', 'retailer_basket_code']) ??
    containerAt(fields, ['retailer_basket_code']);
  const basketCode = typeof named === 'string' ? named : null;
  const id = route.id?.(data, random);
  const plan: Plan = {
    method: route.method,
    path: id === undefined ? route.path : route.path.replace(':id', encodeURIComponent(id)),
    carrier:
      route.carrier === 'params'
        ? random.pick<Carrier>(['form', 'json', 'query'])
        : route.carrier === 'json'
          ? 'json'
          : 'query',
    fields,
    headers: { ...callerHeaders },
    rawBody: null,
    query: [],
    mutations: [],
    abort: false,
  };
  const count = random.weighted([
    [0, phase === 'mixed' ? 0.2 : 0.4],
    [1, 0.45],
    [2, 0.25],
    [3, 0.1],
  ]);
  for (let index = 0; index < count; index += 1) {
    const name = random.weighted(MIXED_WEIGHTS.filter(([n]) => phase === 'mixed' || n !== 'abort'));
    plan.mutations.push(name);
    MUTATORS[name]?.(plan, random);
  }
  if (phase === 'refused') {
    const defects = Object.keys(REFUSED).filter(
      (name) => name !== 'no-caller' || route.needsCaller,
    );
    const name = random.pick(defects);
    plan.mutations.push(`refused:${name}`);
    // express answers OPTIONS with the methods a path takes, to anyone: that refuses no caller
    if (name === 'no-caller') plan.method = route.method;
    REFUSED[name]?.(plan, random);
  }
  const { target, body } = serialise(plan);
  return {
    route: `${route.method} ${route.path}`,
    method: plan.method,
    target,
    headers: plan.headers,
    body: plan.method === 'GET' && body !== null && body.length === 0 ? null : body,
    mutations: plan.mutations,
    abort: plan.abort,
    basketCode,
  };
}
