/**
 * Three offices of the seeds' province as a roster gives them to an allocation: each with the province's
 * documents, 吉林市 with its own plan as well.
 */
import type { AllocationOffice } from '../../src/core/allocation/index.js';

export const PROVINCE = ['吉政发〔2014〕14号', '吉政办发〔2023〕21号', '发改社会〔2019〕1427号'];
export const OFFICES: AllocationOffice[] = [
  { office: '长春市', documents: PROVINCE },
  { office: '吉林市', documents: [...PROVINCE, '吉市政办发〔2018〕19号'] },
  { office: '四平市', documents: PROVINCE },
];
