import { Router, type Request } from 'express';
import { z } from 'zod';
import { code as codeText } from '../../src-shared/wire';
import type { Role } from '../db/schema';
import type { EngineDeps } from '../deps';
import { requireRole, type Actor } from '../domain/actor';
import { listBenefits } from '../domain/benefits/list';
import { redeemBenefit } from '../domain/benefits/redeem';
import { benefitNotFound } from '../domain/benefits/refusals';
import { validateVoucher } from '../domain/benefits/validate';
import { authenticate } from '../http/authenticate';
import { sendWll } from '../http/envelope';
import { parseParams } from '../http/parse';
import { benefitByUuid } from '../repo/benefits';
import { BENEFIT_STATES, toBenefit, type BenefitState } from '../wire/benefit';

/* The WLL benefit calls (wll-api.md §1, §2): JSON bodies and query strings in WLL's field names. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = z.string().trim().regex(UUID, 'must be a UUID');

const geoPoint = z.object({
  longitude: z.number().min(-180).max(180),
  latitude: z.number().min(-90).max(90),
});

const memberNumber = z.string().trim().min(1).max(64);

const redeemSchema = z.object({ benefitId: uuid, position: geoPoint.optional() });

const validateSchema = z.object({
  code: codeText,
  allowFutureValidation: z.boolean().default(false),
  userIdentifier: memberNumber.optional(),
  venueIdentifier: codeText.optional(),
  position: geoPoint.optional(),
});

/** Query strings are text: numbers arrive as digits. */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,16}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const STATE_NAMES = BENEFIT_STATES.join(', ');
const isState = (name: string): name is BenefitState =>
  (BENEFIT_STATES as readonly string[]).includes(name);

/** One state or a comma-separated list of them. */
const states = z.string().transform((text, context): BenefitState[] => {
  const names = text.split(',').map((name) => name.trim().toUpperCase());
  const wrong = names.filter((name) => !isState(name));
  if (wrong.length === 0) return names.filter(isState);
  context.addIssue({
    code: 'custom',
    message: `"${wrong.join('", "')}" is not a state: use ${STATE_NAMES}, or a comma-separated list`,
  });
  return z.NEVER;
});

const listSchema = z.object({
  state: states.optional(),
  owner: memberNumber.optional(),
  rewardId: uuid.optional(),
  code: codeText.optional(),
  limit: wholeNumber(1, 1000).default(100),
  skip: wholeNumber(0, Number.MAX_SAFE_INTEGER).default(0),
  order: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(['ASC', 'DESC'], { error: 'must be ASC or DESC' }))
    .default('DESC'),
});

const idSchema = z.object({ id: uuid });

/** POST /commands/redeem_benefit, POST /commands/validate_voucher, GET /benefits, GET /benefits/:id. */
export function benefitsRoutes(deps: EngineDeps): Router {
  const router = Router();
  const db = deps.db.kysely;
  /** Authenticates before anything is parsed, so a stranger learns nothing about the input. */
  const caller = async (request: Request, role: Role): Promise<Actor> => {
    const actor = await authenticate(db, request, deps.now());
    requireRole(actor, role);
    return actor;
  };
  const bodyOf = (request: Request): unknown => request.body ?? {};

  router.post('/commands/redeem_benefit', async (request, response) => {
    const actor = await caller(request, 'admin');
    const params = parseParams(redeemSchema, bodyOf(request));
    const row = await redeemBenefit(db, actor, params, deps.now());
    sendWll(response, toBenefit(row));
  });

  router.post('/commands/validate_voucher', async (request, response) => {
    const actor = await caller(request, 'terminal');
    const params = parseParams(validateSchema, bodyOf(request));
    const row = await validateVoucher(db, actor, params, deps.now());
    sendWll(response, toBenefit(row));
  });

  router.get('/benefits', async (request, response) => {
    const actor = await caller(request, 'manager');
    const query = parseParams(listSchema, request.query);
    const rows = await listBenefits(
      db,
      actor.chainId,
      { ...query, states: query.state ?? [] },
      deps.now(),
    );
    sendWll(response, rows.map(toBenefit));
  });

  router.get('/benefits/:id', async (request, response) => {
    const actor = await caller(request, 'manager');
    const { id } = parseParams(idSchema, request.params);
    const row = await benefitByUuid(db, actor.chainId, id);
    if (!row) throw benefitNotFound(id);
    sendWll(response, toBenefit(row));
  });
  return router;
}
