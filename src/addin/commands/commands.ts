/**
 * The manifest's FunctionFile. The ribbon button only shows the task pane (ShowTaskpane), so no
 * function is registered; the page must still initialise Office so the host knows it loaded.
 */
import { startExcelHost } from '../office/excel-host.js';

void startExcelHost();
