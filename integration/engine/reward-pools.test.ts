import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_POOL_THRESHOLD } from '../../src-engine/domain/demo';
import { call, isRecord, loginAs, type Session } from '../../test-support/engine/client';
import {
  describeEachDatabase,
  startTestEngine,
  type TestEngine,
} from '../../test-support/engine/harness';

describeEachDatabase(
  'GET /reward-pools: a store manager reads the reward pools’ stock',
  (database) => {
    let engine: TestEngine;
    let admin: Session;
    let manager: Session;
    let terminal: Session;

    beforeAll(async () => {
      engine = await startTestEngine(database, { demo: true });
      admin = await loginAs(engine.url, 'admin', 'demo-admin');
      manager = await loginAs(engine.url, 'manager-s001', 'demo-manager');
      terminal = await loginAs(engine.url, 'till-s001-01', 'demo-till');
    });
    afterAll(async () => {
      await engine.close();
    });

    const pools = async (session: Session) => {
      const answer = await call(engine.url, '/reward-pools', { session });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const results = answer.body.results;
      return isRecord(results) ? results.pools : undefined;
    };

    it('lists each POOL reward with its codes left and whether it is low; a terminal may not', async () => {
      expect(await pools(manager)).toEqual([
        {
          campaign_id: expect.any(Number) as unknown,
          reward_id: engine.demo?.rewards.pool,
          title: 'Cinema ticket from our partner',
          total: engine.demo?.poolCodes.length,
          unused: engine.demo?.poolCodes.length,
          threshold: DEMO_POOL_THRESHOLD,
          low: false,
        },
      ]);
      const created = await call(engine.url, '/admin/campaigns', {
        session: admin,
        json: {
          title: 'Museum pass',
          voucher_type: 'honour',
          honour_code: 'MUSEUM',
          code_type: 'POOL',
          pool_threshold: 2,
          codes: 'M-1, M-2',
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      const listed = await pools(manager);
      expect(Array.isArray(listed) && listed[1]).toMatchObject({
        title: 'Museum pass',
        total: 2,
        unused: 2,
        threshold: 2,
        low: true,
      });
      expect(await pools(admin)).toEqual(listed);

      const refused = await call(engine.url, '/reward-pools', { session: terminal });
      expect(refused.status).toBe(403);
      const nobody = await call(engine.url, '/reward-pools');
      expect(nobody.status).toBe(401);
    });
  },
);
