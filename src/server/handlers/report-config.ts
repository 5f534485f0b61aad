/** A round's stored report settings, read as report.json by the report core (used by every report route). */
import { DEFAULT_REPORT_CONFIG, parseReportConfig, type ReportConfig } from '../../core/report/config.js';
import type { Sql } from '../db/db.js';

/** How messages name the settings (they are report.json's fields, edited in the 报告 page). */
export const SETTINGS_NAME = '报告设置';

export async function storedSettings(db: Sql, roundId: number): Promise<Record<string, unknown>> {
  const rows = await db.query<{ report_settings: Record<string, unknown> | null }>(
    'SELECT report_settings FROM rounds WHERE id = $1',
    [roundId],
  );
  return rows[0]?.report_settings ?? {};
}

/** The report configuration of a round: its stored settings read as report.json, else the defaults. */
export async function roundReportConfig(db: Sql, roundId: number): Promise<ReportConfig> {
  const settings = await storedSettings(db, roundId);
  return Object.keys(settings).length
    ? parseReportConfig(JSON.stringify(settings), SETTINGS_NAME)
    : DEFAULT_REPORT_CONFIG;
}
