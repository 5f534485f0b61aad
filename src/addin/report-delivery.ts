/**
 * What 生成报告 tells the clerk after offering the .docx: whether a download can work on this
 * platform, and what to do where it cannot. Mac add-ins cannot download files (office-js #2700);
 * Microsoft documents blob downloads as unsupported in the EdgeHTML/WebView2 panes of Windows
 * Excel, where only IE11's msSaveOrOpenBlob dialog is reliable; Excel on the web downloads normally.
 */

/** How the bytes were offered: IE11's save dialog, or a temporary `<a download>` blob link. */
export type DownloadMethod = 'save-dialog' | 'link';

export interface DeliveryMessage {
  kind: 'ok' | 'error' | 'info';
  text: string;
}

const INSTEAD =
  '请改在 Excel 网页版中打开本工作簿生成报告，或把填报表交给汇总单位用命令行“luoshi report”生成。';

/** The status line after 生成报告, honest about the platform (platform codes as HostStart reports them). */
export function reportDeliveryMessage(
  fileName: string,
  kb: number,
  platform: string | null,
  method: DownloadMethod,
): DeliveryMessage {
  const made = `已生成报告：${fileName}（${kb} KB）`;
  if (platform === 'MAC')
    return { kind: 'error', text: `${made}，但 Mac 版 Excel 的加载项不能下载文件。${INSTEAD}` };
  if (method === 'save-dialog') return { kind: 'ok', text: `${made}，请在弹出的对话框中点击“保存”。` };
  if (platform === 'OFFICE_ONLINE')
    return { kind: 'ok', text: `${made}，请在浏览器的下载提示中保存（或到浏览器的“下载”列表中查看）。` };
  return {
    kind: 'info',
    text: `${made}，正在下载。如果没有出现保存提示，说明当前 Excel 不支持从加载项下载文件，${INSTEAD}`,
  };
}
