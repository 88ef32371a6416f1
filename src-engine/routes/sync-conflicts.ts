import { Router } from 'express';
import { z } from 'zod';
import {
  syncConflictAcknowledgeSchema,
  syncConflictListQuerySchema,
  syncConflictReportSchema,
  type SyncConflictList,
  type SyncConflictObject,
  type SyncConflictReportAnswer,
} from '../../src-shared/wire';
import type { EngineDeps } from '../deps';
import {
  acknowledgeSyncConflict,
  listSyncConflicts,
  recordSyncConflicts,
  type SyncConflictRow,
} from '../domain/sync-conflicts';
import { authorize } from '../http/authorize';
import { sendOk } from '../http/envelope';
import { valueOrRefuse } from '../http/errors';
import { bodyOf, paramsOf, parseParams, requireJson } from '../http/parse';

const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

function conflictObjectOf(row: SyncConflictRow): SyncConflictObject {
  return {
    id: row.id,
    store_code: row.store_code,
    terminal_id: row.terminal_id,
    basket_code: row.basket_code,
    reason: row.reason,
    message: row.message,
    voucher_code: row.voucher_slot === '' ? null : row.voucher_slot,
    winner_basket_code: row.winner_basket_code,
    winner_store_code: row.winner_store_code,
    winner_terminal_id: row.winner_terminal_id,
    occurred_at: row.occurred_at,
    recorded_at: row.recorded_at,
    acknowledged_at: row.acknowledged_at,
    acknowledged_by: row.acknowledged_by,
    acknowledgement_note: row.acknowledgement_note,
  };
}

/**
 * The store's sync conflicts (docs/spaaza-wire.md, "Our additions"; not on Spaaza's wire): a
 * till reports what its sync found, a manager of the store lists and acknowledges them.
 */
export function syncConflictRoutes(deps: EngineDeps): Router {
  const router = Router();
  const db = deps.db.kysely;

  router.post('/sync/conflicts', async (request, response) => {
    const actor = await authorize(deps, request, 'terminal');
    requireJson(request, 'the sync conflicts');
    const report = parseParams(syncConflictReportSchema, bodyOf(request));
    const [storeCode = '', terminalId = ''] = report.till_id.split('-');
    const kept = valueOrRefuse(
      await recordSyncConflicts(
        deps.db,
        actor,
        { storeCode, terminalId },
        report.conflicts,
        deps.now(),
      ),
    );
    const results: SyncConflictReportAnswer = {
      conflicts: kept.rows.map(conflictObjectOf),
      recorded: kept.recorded,
    };
    sendOk(response, { result_type: 'sync-conflicts-reported', ...results });
  });

  router.get('/sync/conflicts', async (request, response) => {
    const actor = await authorize(deps, request, 'manager');
    const query = parseParams(syncConflictListQuerySchema, request.query);
    const listed = valueOrRefuse(
      await listSyncConflicts(db, actor, query.store_code ?? null, deps.now()),
    );
    const results: SyncConflictList = {
      store_code: listed.storeCode,
      conflicts: listed.rows.map(conflictObjectOf),
    };
    sendOk(response, { result_type: 'sync-conflicts', ...results });
  });

  router.post('/sync/conflicts/:id/acknowledge', async (request, response) => {
    const actor = await authorize(deps, request, 'manager');
    const { id } = parseParams(idParams, request.params);
    const { note } = parseParams(syncConflictAcknowledgeSchema, paramsOf(request));
    const row = valueOrRefuse(await acknowledgeSyncConflict(deps.db, actor, id, note, deps.now()));
    sendOk(response, {
      result_type: 'sync-conflict-acknowledged',
      conflict: conflictObjectOf(row),
    });
  });
  return router;
}
