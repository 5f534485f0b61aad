/** Reading a roster file (CSV/TXT in any of the encodings offices use) into a Roster. */
import * as path from 'node:path';
import { decodeText } from '../core/text/decode.js';
import { parseRoster, type Roster } from '../core/roster.js';
import { readInput } from './files.js';

export async function readRosterFile(file: string): Promise<Roster> {
  const bytes = await readInput(file, 5 * 1024 * 1024);
  return parseRoster(decodeText(bytes, path.basename(file)).text, path.basename(file));
}
