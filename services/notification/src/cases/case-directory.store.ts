import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATION_DATABASE } from '../database/notification-database.module.js';
import type { SqlDatabase, SqlExecutor } from '../database/sql-database.js';
import { INCIDENT_REPORTED } from '@bluehelm/contracts';
import { recordOf, textOrNull, type NotifiableEvent } from '../rules/notification.js';
import { applyCaseChange, caseChangeOf, emptyCaseRecord, incidentNationalitiesOf, type CaseRecord } from './case-record.js';

interface CaseRow {
  readonly case_id: string;
  readonly mission: string | null;
  readonly host_state: string | null;
  readonly nationalities: string;
  readonly last_step_on: string | null;
  readonly closed_on: string | null;
}

function recordOfRow(row: CaseRow): CaseRecord {
  return {
    caseId: row.case_id,
    mission: row.mission,
    hostState: row.host_state,
    nationalities: JSON.parse(row.nationalities) as string[],
    lastStepOn: row.last_step_on,
    closedOn: row.closed_on,
  };
}

const CASE_COLUMNS = 'case_id, mission, host_state, nationalities, last_step_on, closed_on';

/** The cases (and incidents' victims' nationalities) the rules need, in the service's database. */
@Injectable()
export class CaseDirectoryStore {
  constructor(@Inject(NOTIFICATION_DATABASE) private readonly db: SqlDatabase) {}

  /** Folds what the event tells into the case's record and answers the record (null if no case). */
  async record(event: NotifiableEvent): Promise<CaseRecord | null> {
    return this.db.transaction(async (tx) => {
      await this.rememberIncident(tx, event);
      const change = caseChangeOf(event);
      if (change === null) return null;
      const linked = change.linkedIncidentId === undefined ? [] : await this.incidentNationalities(tx, change.linkedIncidentId);
      const previous = (await this.read(tx, change.caseId)) ?? emptyCaseRecord(change.caseId);
      const next = applyCaseChange(previous, { ...change, nationalities: [...(change.nationalities ?? []), ...linked] });
      await this.write(tx, next);
      return next;
    });
  }

  async find(caseId: string): Promise<CaseRecord | null> {
    return this.read(this.db, caseId);
  }

  /** Cases not closed whose latest step date is known, in case id order. */
  async openCases(): Promise<CaseRecord[]> {
    const rows = await this.db.query<CaseRow & Record<string, unknown>>(
      `SELECT ${CASE_COLUMNS} FROM cases WHERE closed_on IS NULL AND last_step_on IS NOT NULL ORDER BY case_id`,
    );
    return rows.map(recordOfRow);
  }

  private async rememberIncident(tx: SqlExecutor, event: NotifiableEvent): Promise<void> {
    const nationalities = incidentNationalitiesOf(event);
    const incidentId = event.type === INCIDENT_REPORTED ? textOrNull(recordOf(event.data)['incidentId']) : null;
    if (nationalities === null || incidentId === null) return;
    await tx.execute('INSERT INTO incidents (incident_id, nationalities) VALUES (?, ?) ON CONFLICT (incident_id) DO NOTHING', [
      incidentId.toLowerCase(),
      JSON.stringify(nationalities),
    ]);
  }

  private async incidentNationalities(tx: SqlExecutor, incidentId: string): Promise<string[]> {
    const rows = await tx.query<{ nationalities: string }>('SELECT nationalities FROM incidents WHERE incident_id = ?', [incidentId]);
    return rows[0] ? (JSON.parse(rows[0].nationalities) as string[]) : [];
  }

  private async read(executor: SqlExecutor, caseId: string): Promise<CaseRecord | null> {
    const rows = await executor.query<CaseRow & Record<string, unknown>>(`SELECT ${CASE_COLUMNS} FROM cases WHERE case_id = ?`, [caseId]);
    return rows[0] ? recordOfRow(rows[0]) : null;
  }

  private async write(tx: SqlExecutor, record: CaseRecord): Promise<void> {
    await tx.execute(
      `INSERT INTO cases (${CASE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET mission = excluded.mission, host_state = excluded.host_state,
         nationalities = excluded.nationalities, last_step_on = excluded.last_step_on, closed_on = excluded.closed_on`,
      [record.caseId, record.mission, record.hostState, JSON.stringify(record.nationalities), record.lastStepOn, record.closedOn],
    );
  }
}
