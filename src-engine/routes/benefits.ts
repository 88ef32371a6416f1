import { Router } from 'express';
import { z } from 'zod';
import { code as codeText } from '../../src-shared/wire';
import type { EngineDeps } from '../deps';
import { listBenefits } from '../domain/benefits/list';
import { claimBenefit } from '../domain/benefits/claim';
import { benefitNotFound } from '../domain/benefits/refusals';
import { validateVoucher } from '../domain/benefits/validate';
import { authorize } from '../http/authorize';
import { sendWll } from '../http/envelope';
import { refused, valueOrRefuse } from '../http/errors';
import { idParams, listQuery, uuid } from '../http/fields';
import { bodyOf, parseParams } from '../http/parse';
import { benefitByUuid } from '../repo/benefits';
import { BENEFIT_STATES, toBenefit, type BenefitState } from '../wire/benefit';

/* The WLL benefit calls (docs/wll-face.md, "Benefits"): JSON bodies and query strings in WLL's field names. */

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

const listSchema = listQuery({ maxLimit: 1000, defaultLimit: 100 }).extend({
  state: states.optional(),
  owner: memberNumber.optional(),
  rewardId: uuid.optional(),
  code: codeText.optional(),
});

/** The WLL benefit commands under /commands: redeem_benefit and validate_voucher. */
export function benefitCommandRoutes(deps: EngineDeps): Router {
  const router = Router();
  const db = deps.db.kysely;

  router.post('/redeem_benefit', async (request, response) => {
    const actor = await authorize(deps, request, 'admin');
    const params = parseParams(redeemSchema, bodyOf(request));
    const row = valueOrRefuse(await claimBenefit(db, actor, params, deps.now()));
    sendWll(response, toBenefit(row));
  });

  router.post('/validate_voucher', async (request, response) => {
    const actor = await authorize(deps, request, 'terminal');
    const params = parseParams(validateSchema, bodyOf(request));
    const row = valueOrRefuse(await validateVoucher(db, actor, params, deps.now()));
    sendWll(response, toBenefit(row));
  });
  return router;
}

/** The benefit lists under /benefits: GET /benefits and GET /benefits/:id. */
export function benefitRoutes(deps: EngineDeps): Router {
  const router = Router();
  const db = deps.db.kysely;

  router.get('/', async (request, response) => {
    const actor = await authorize(deps, request, 'manager');
    const query = parseParams(listSchema, request.query);
    const rows = await listBenefits(
      db,
      actor.chainId,
      { ...query, states: query.state ?? [] },
      deps.now(),
    );
    sendWll(response, rows.map(toBenefit));
  });

  router.get('/:id', async (request, response) => {
    const actor = await authorize(deps, request, 'manager');
    const { id } = parseParams(idParams, request.params);
    const row = await benefitByUuid(db, actor.chainId, id);
    if (!row) throw refused(benefitNotFound(id).error);
    sendWll(response, toBenefit(row));
  });
  return router;
}
