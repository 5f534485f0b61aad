/**
 * 生成报告 tells the clerk honestly whether the .docx can reach them on their platform: Mac add-ins
 * cannot download (office-js #2700); the newer Windows web views may ignore blob links; IE11's save
 * dialog and Excel on the web's browser download do work.
 */
import { describe, expect, it } from 'vitest';
import { reportDeliveryMessage } from '../src/addin/report-delivery.js';

describe('report delivery message per platform', () => {
  it('on a Mac says plainly the download cannot work and what to do instead', () => {
    const m = reportDeliveryMessage('报告.docx', 40, 'MAC', 'link');
    expect(m.kind).toBe('error');
    expect(m.text).toMatch(/Mac 版 Excel.*不能/);
    expect(m.text).toMatch(/Excel 网页版|luoshi report/);
    expect(m.text).not.toMatch(/请在下载提示中保存/);
  });

  it('in IE11 (save dialog) and Excel on the web (browser download) says where the file is', () => {
    const ie = reportDeliveryMessage('报告.docx', 40, 'PC', 'save-dialog');
    expect(ie.kind).toBe('ok');
    expect(ie.text).toMatch(/报告\.docx（40 KB）.*保存/);
    const web = reportDeliveryMessage('报告.docx', 40, 'OFFICE_ONLINE', 'link');
    expect(web.kind).toBe('ok');
    expect(web.text).toMatch(/浏览器/);
  });

  it('in the newer Windows web views says what to do when no save prompt appears', () => {
    const m = reportDeliveryMessage('报告.docx', 40, 'PC', 'link');
    expect(m.text).toMatch(/如果没有出现保存提示/);
    expect(m.text).toMatch(/Excel 网页版|luoshi report/);
  });
});
